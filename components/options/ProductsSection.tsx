import type { UiText } from '../../lib/i18n';
import type { Lang } from '../../lib/model';
import type { ReaderInfo } from '../../entrypoints/options/useSiteReaders';
import { Section } from './Section';

/** "Supported products": the site readers by product, with what each reads; and the products left to teach mode. */
export function ProductsSection({ readers, text }: { readers: readonly ReaderInfo[] | undefined; text: UiText }) {
  const t = text.products;
  const lang = text.lang as Lang;
  const products = new Map<string, ReaderInfo[]>();
  for (const reader of readers ?? []) products.set(reader.product, [...(products.get(reader.product) ?? []), reader]);
  return (
    <Section id="products" title={t.title} description={t.description}>
      <ul className="products">
        {[...products].map(([product, ofProduct]) => (
          <li key={product} data-product={product}>
            <strong>{product}</strong>
            <ul>
              {ofProduct.map((reader) => (
                <li key={reader.id} data-reader={reader.id}>
                  {reader.label[lang]}: {reader.reads[lang]}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <ul className="products products--teach" data-teach-only>
        {t.teachOnly.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Section>
  );
}
