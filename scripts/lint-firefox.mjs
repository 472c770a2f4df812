#!/usr/bin/env node
// web-ext lint on the Firefox release build: fails on any error, lists warnings.
import { spawnSync } from 'node:child_process';

const dir = process.argv[2] ?? '.output/firefox-mv2';
const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind]) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`);
}
console.log(`web-ext lint ${dir}: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors === 0 ? 0 : 1);
