import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const root = '/work/main';
async function size(contents) {
  const r = await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, format: 'iife', target: 'es2022', minify: true, write: false, metafile: true });
  return { gz: gzipSync(r.outputFiles[0].text).length, meta: r.metafile };
}
const all = await size("import { extractPage } from './lib/extract'; (globalThis).x = extractPage;");
console.log('extract+sites gzip', all.gz);
const inputs = Object.entries(all.meta.outputs)[0][1].inputs;
const rows = Object.entries(inputs).map(([k, v]) => [k, v.bytesInOutput]).sort((a, b) => b[1] - a[1]);
for (const [k, b] of rows.slice(0, 40)) console.log(String(b).padStart(7), k);
const stub = { name: 'stub', setup(b) { b.onResolve({ filter: /\/sites$|\.\.\/sites$/ }, () => ({ path: 'stub', namespace: 'stub' })); b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export const SITE_READERS = [];', loader: 'ts' })); } };
const r = await build({ stdin: { contents: "import { extractPage } from './lib/extract'; (globalThis).x = extractPage;", resolveDir: root, loader: 'ts' }, bundle: true, format: 'iife', target: 'es2022', minify: true, write: false, plugins: [stub] });
console.log('generic only gzip', gzipSync(r.outputFiles[0].text).length, 'min', r.outputFiles[0].text.length);
