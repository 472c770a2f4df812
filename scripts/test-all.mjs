#!/usr/bin/env node
// `npm test`: type check, unit tests, the release and test builds, the real-browser tests in
// Chromium and Firefox, and web-ext lint of the Firefox build. Installs the browsers first when
// it can (see ensure-browsers.mjs). Prints one closing line: "N passed, N failed".
import { mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureBrowsers } from './ensure-browsers.mjs';

const OUT = 'test-output';
mkdirSync(OUT, { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args, opts = {}) {
  const started = Date.now();
  console.log(`\n━━ ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' }, ...opts });
  const ok = run.status === 0;
  console.log(`━━ ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

/** Adds a vitest JSON report's counts to the totals (each test counts once). */
function count(report, name) {
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests + json.numPendingTests + (json.numTodoTests ?? 0);
  } catch {
    failed += 1;
    failures.push(`${name} (no report)`);
  }
}

/** A zone at least half a day from this machine's: east of UTC → Los Angeles, else Kiritimati (UTC+14). */
function farTimeZone() {
  return new Date().getTimezoneOffset() <= 0 ? 'America/Los_Angeles' : 'Pacific/Kiritimati';
}

ensureBrowsers();

if (step('type check', 'npx', ['tsc', '--noEmit'])) passed += 1;
else failed += 1;

step('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${OUT}/unit.json`]);
count(`${OUT}/unit.json`, 'unit tests');
// Users live in every zone: the unit suite runs again in one far from this machine's.
const farZone = farTimeZone();
step(`unit tests in ${farZone}`, 'npx', ['vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile=${OUT}/unit-far-zone.json`], {
  env: { ...process.env, FORCE_COLOR: '0', TZ: farZone },
});
count(`${OUT}/unit-far-zone.json`, `unit tests in ${farZone}`);

const built =
  step('release builds', 'sh', ['-c', 'npx wxt build >/dev/null && npx wxt build -b firefox >/dev/null']) &&
  step('test builds', 'node', ['scripts/build-test.mjs']);
if (built) {
  step('real-browser tests (Chromium, Firefox)', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${OUT}/e2e.json`]);
  count(`${OUT}/e2e.json`, 'real-browser tests');
  if (step('web-ext lint (Firefox build)', 'node', ['scripts/lint-firefox.mjs'])) passed += 1;
  else failed += 1;
} else {
  failed += 1;
}

console.log(`\nScreenshots: ${OUT}/screenshots/`);
if (failures.length) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || failures.length ? 1 : 0);
