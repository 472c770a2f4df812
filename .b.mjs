import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
const r = await build({ stdin: { contents: "import { readPageNow as extractPage, readPageInChunks as extractPageInChunks } from './lib/extract/read-page'; import { pageFingerprint } from './lib/extract/fingerprint'; (globalThis as any).clientSignalsExtract = { extractPage, extractPageInChunks, pageFingerprint, sites: [] };", resolveDir: '/work/main', loader: 'ts' }, bundle: true, format: 'iife', target: 'es2022', minify: false, write: false });
writeFileSync('/tmp/bundle.js', r.outputFiles[0].text);
