#!/usr/bin/env node
// `npm run bench [-- name ...]`: runs scripts/bench/<name>.ts (all when none is named) and
// merges their medians into bench/results.json.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, 'bench');
const available = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && file !== 'results.ts')
  .map((file) => file.replace(/\.ts$/, ''));
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length ? wanted : available) {
  console.log(`\n== bench: ${name}`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', resolve(dir, `${name}.ts`)], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
