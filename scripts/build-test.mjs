#!/usr/bin/env node
// The test build: like the release build, plus permission to read pages on 127.0.0.1 and
// localhost. Lands in .output/chrome-mv3-test and .output/firefox-mv2-test.
import { spawnSync } from 'node:child_process';

for (const browser of ['chrome', 'firefox']) {
  // NODE_ENV=production: the same production React as the release build (`--mode test` alone would pick its development build).
  const run = spawnSync('npx', ['wxt', 'build', '--mode', 'test', '-b', browser], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  if (run.status !== 0) {
    console.error(`wxt build --mode test -b ${browser} failed`);
    process.exit(run.status ?? 1);
  }
  console.log(`built .output/${browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2'}-test`);
}
