import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractPage } from './lib/extract';
import { scorePage, type Expected } from './tests/fixtures/pages/corpus';
import { loadPage } from './tests/fixtures/pages/page';
import { SITE_READERS } from './lib/sites';
if (process.env.GENERIC) (SITE_READERS as unknown[]).length = 0;
const dirs = process.argv.slice(2);
const filter = process.env.ONLY;
for (const dir of dirs) {
  let m = 0, e = 0, fp = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    const name = file.replace(/\.html$/, '');
    if (filter && !name.includes(filter)) continue;
    const expected = JSON.parse(readFileSync(resolve(dir, `${name}.expected.json`), 'utf8')) as Expected;
    const doc = loadPage(readFileSync(resolve(dir, file), 'utf8'), expected.url);
    const actual = extractPage(doc, expected.url, expected.now ? { now: new Date(expected.now) } : {});
    const s = scorePage(actual, expected);
    m += s.matched; e += s.expected; fp += s.falsePositives;
    const ok = s.matched === s.expected && s.falsePositives === 0;
    console.log(`${ok ? "ok " : "BAD"} ${name.padEnd(60)} ${s.matched}/${s.expected} fp ${s.falsePositives} ${actual.readBy}`);
    if (!ok || process.env.V) for (const n of s.notes.slice(0, Number(process.env.N ?? 12))) console.log('      ' + n);
    if (process.env.W) console.log('      warnings: ' + JSON.stringify(actual.warnings));
  }
  console.log(`${dir}: ${m}/${e} fp ${fp}`);
}
