import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage();
console.log(await page.evaluate(`(() => {
  const out = [];
  const t = (label, re, s) => { const t0 = performance.now(); re.test(s); out.push(label + ' ' + (performance.now() - t0).toFixed(2)); };
  t('pL', /\\p{L}/u, 'Paid');
  t('pPS', /[\\p{P}\\p{S}]+/gu, 'Acme, Inc.');
  t('taxIn', /(?:^|[^\\p{L}\\d])(унп|инн(?:\\/кпп)?|vat(?:\\s*(?:reg(?:istration)?\\.?(?:\\s*no\\.?)?|no\\.?|number|id))?|tax\\s*(?:id|number)(?:\\s*\\(vat\\))?)\\s*(?:№|#)?\\s*:?\\s*([A-Z]{0,2}[\\s-]?\\d[\\dA-Z -]{3,20}?)(?=$|[^\\dA-Z -]|\\s[·|•,;]|\\s{2})/giu, 'Invoices');
  t('ascii', /^(?:paid|open|due)(?![a-z])/, 'Paid');
  t('pL2', /\\p{L}/u, 'Paid');
  return out.join(' | ');
})()`));
await browser.close();
