import type { UiText } from '../lib/i18n';

/** "This looks like Bitrix24": beside "Enable on this site", on a hosted product's page not enabled yet. */
export function RecognisedProduct({ product, text }: { product: string; text: UiText }) {
  return (
    <p className="recognised" data-recognised-product={product}>
      {text.pageReader.recognised(product)}
    </p>
  );
}
