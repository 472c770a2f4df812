import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, usableSettings, type Settings } from './settings';

/*
 * Where settings live: browser.storage.local, through a versioned WXT storage item. Kept apart
 * from settings.ts so the pure parts (schema, defaults) load anywhere, benchmarks included.
 */

/** Versioned storage item; a stored value that no longer validates falls back to defaults. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads stored settings, repairing anything invalid (e.g. written by a newer version) with defaults. */
export async function loadSettings(): Promise<Settings> {
  return usableSettings(await settingsItem.getValue());
}
