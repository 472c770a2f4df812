import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './browsers';

/** Least privilege, checked on what actually ships (the release builds made by `npm test`). */
const read = (dir: string) => JSON.parse(readFileSync(path.join(ROOT, '.output', dir, 'manifest.json'), 'utf8'));
const WILDCARD_HOST = /^(<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*|\*:\/\/\*)$/;

describe('manifests', () => {
  it.each(['chrome-mv3', 'firefox-mv2'])('%s: no <all_urls>, no wildcard host granted, no static content script', (dir) => {
    const manifest = read(dir);
    const granted: string[] = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
    expect(granted.filter((p) => WILDCARD_HOST.test(p) || p.includes('<all_urls>'))).toEqual([]);
    expect(granted.filter((p) => p.includes('://'))).toEqual([]);
    expect(manifest.content_scripts).toBeUndefined();
    // No "tabs" (it reads every tab's address): activeTab and per-site grants are enough.
    expect(granted.filter((p) => !p.includes('://')).sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage']);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    // Sites are enabled one origin at a time, on the user's click.
    const optional: string[] = manifest.optional_host_permissions ?? manifest.optional_permissions ?? [];
    expect(optional).toEqual(['https://*/*', 'http://*/*']);
  });

  it('the test build adds only loopback hosts', () => {
    expect(read('chrome-mv3-test').host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('Firefox has an add-on id and declares no data collection', () => {
    expect(read('firefox-mv2').browser_specific_settings.gecko).toMatchObject({ id: 'client-signals@example.org', data_collection_permissions: { required: ['none'] } });
  });
});
