#!/usr/bin/env node
// Makes sure Debian's Chromium and firefox-esr are installed (the real-browser tests and the demo
// drive them; browser downloads are not possible here). Installs them with apt-get when running
// as root on Debian; otherwise stops with the exact command to run.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const wanted = [
  { name: 'Chromium', env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', pkg: 'chromium' },
  { name: 'Firefox ESR', env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
  // A real display for the tests that click and type as a user does (tests/e2e/display.ts).
  { name: 'Xvfb', env: 'XVFB_PATH', path: '/usr/bin/Xvfb', pkg: 'xvfb' },
  { name: 'openbox', env: 'OPENBOX_PATH', path: '/usr/bin/openbox', pkg: 'openbox' },
  { name: 'xdotool', env: 'XDOTOOL_PATH', path: '/usr/bin/xdotool', pkg: 'xdotool' },
  { name: 'ImageMagick', env: 'IMPORT_PATH', path: '/usr/bin/import', pkg: 'imagemagick' },
];

export function ensureBrowsers(which = wanted.map((b) => b.pkg)) {
  const missing = wanted.filter((b) => which.includes(b.pkg) && !existsSync(process.env[b.env] ?? b.path));
  if (missing.length === 0) return;
  const packages = missing.map((b) => b.pkg).join(' ');
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`\n${missing.map((b) => b.name).join(' and ')} not found. Install ${missing.length > 1 ? 'them' : 'it'} with:\n\n  sudo apt-get update && sudo apt-get install -y ${packages}\n\n(or set ${missing.map((b) => b.env).join(' / ')} to the browser's path)\n`);
    process.exit(1);
  }
  console.log(`Installing ${packages} with apt-get (one time)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing.map((b) => b.pkg)]]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) {
      console.error(`\napt-get ${args.join(' ')} failed. Install the browsers by hand:\n\n  apt-get update && apt-get install -y ${packages}\n`);
      process.exit(1);
    }
  }
  for (const b of missing.filter((m) => m.pkg === 'chromium' || m.pkg === 'firefox-esr')) console.log(`${b.name}: ${execFileSync(b.path, ['--version']).toString().trim()}`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBrowsers(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
