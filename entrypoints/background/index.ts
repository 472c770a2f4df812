import { resolveLang } from '../../lib/i18n';
import { onMessage, type CommandReply } from '../../lib/messages/commands';
import { onPageMessage, STOP_MESSAGE, type PageRead, type PageReadReply } from '../../lib/messages/page';
import {
  backupMessageSchema,
  idSchema,
  importHistorySchema,
  mergeSchema,
  noteInputSchema,
  noteOutcomeSchema,
  originSchema,
  pageReadSchema,
  parseMessage,
  profileSlotSchema,
  startTeachingSchema,
} from '../../lib/message-schemas';
import { LIMITS } from '../../lib/limits';
import { MAX_PROFILES, profilesItem, sameSlot } from '../../lib/profiles-storage';
import { importObservations } from '../../lib/store/import';
import { siteProfileSchema, type SiteProfile } from '../../lib/teach';
import { MAX_BACKUP_BYTES, parseBackup } from '../../lib/backup';
import { clientKey } from '../../lib/identity';
import { effectiveTimeZone } from '../../lib/settings';
import { loadSettings, settingsItem } from '../../lib/settings-storage';
import { hostPattern } from '../../lib/sites/origins';
import { getDb } from '../../lib/store/db';
import { restoreBackup, takePendingSettings } from '../../lib/store/backup';
import { ingestPage } from '../../lib/store/ingest';
import { addNote, deleteNote, mergeClients, setNoteOutcome, unmergeClients } from '../../lib/store/notes';
import { recomputeAll, recomputeClients } from '../../lib/store/verdicts';
import { allTabRows, deleteTabRows, getTabRow, putTabRow } from '../../lib/tab-state';
import type { PeerStats } from '../../lib/model';
import { badgeOfTab, showBadge } from './badges';
import { commandSenderRefusal, pageSenderRefusal, type Sender } from './guards';
import { serialised, startReading, syncContentScripts, tabsOf } from './sites';

const DAILY = 'daily-recompute';
/** The site readers and the taught-profile reader, injected where the always-on reader asks (see lib/reader-slots.ts). */
const EXTRAS_FILE = '/content-scripts/extras.js';
const PEERS_MAX_AGE_MS = 60 * 60 * 1000;

/** Wiring only: messages → store → criteria → badge. Listeners are registered synchronously. */
export default defineBackground(() => {
  const db = getDb();
  let running: Promise<void> | undefined;
  /** What the next run must re-judge: some clients, or (undefined) everyone. */
  let wanted: Set<string> | undefined | null = null;
  // Peers outlive the service worker (it sleeps when idle): a wake-up must not re-judge the whole store.
  const peersItem = storage.defineItem<{ stats: PeerStats; at: number } | null>('local:peers', { fallback: null });
  const lang = async () => resolveLang((await loadSettings()).language, navigator.language);

  /**
   * Re-judges clients and redraws every known tab's badge; calls made meanwhile coalesce into
   * one more run. A page read re-judges only its clients against the peers last measured; the
   * whole store is re-judged (and peers measured again) on install and browser start, daily,
   * when settings, merges or backups change, and when the peers are over an hour old.
   */
  function recompute(keys?: string[]): Promise<void> {
    wanted = keys === undefined || wanted === undefined ? undefined : new Set([...(wanted ?? []), ...keys]);
    running ??= (async () => {
      while (wanted !== null) {
        const batch = wanted;
        wanted = null;
        const settings = await loadSettings();
        const now = new Date();
        const peers = await peersItem.getValue();
        if (batch === undefined || !peers || now.getTime() - peers.at > PEERS_MAX_AGE_MS) {
          await peersItem.setValue({ stats: (await recomputeAll(db, settings, now)).peers, at: now.getTime() });
        } else {
          await recomputeClients(db, [...batch], settings, peers.stats, now);
        }
        const uiLang = resolveLang(settings.language, navigator.language);
        for (const row of await allTabRows()) await showBadge(row.tabId, await badgeOfTab(db, row, uiLang));
      }
    })()
      .catch((error: unknown) => console.error('Client Signals: recompute failed', error))
      .finally(() => {
        running = undefined;
        // A call that came in as the loop ended still gets its run.
        if (wanted !== null) void recompute(wanted && [...wanted]);
      });
    return running;
  }

  const refuse = (error: string): { ok: false; error: string } => {
    console.warn(`Client Signals: refused a message: ${error}`);
    return { ok: false, error };
  };

  /**
   * A command from an extension page: its sender is checked, then its data; a refused one
   * changes nothing.
   */
  function command<T>(schema: Parameters<typeof parseMessage<T>>[0], act: (data: T) => Promise<boolean | void>) {
    return async ({ data, sender }: { data: unknown; sender: Sender }): Promise<CommandReply> => {
      const refusal = commandSenderRefusal(sender);
      if (refusal) return refuse(refusal);
      const parsed = parseMessage(schema, data);
      if (!parsed.ok) return refuse(parsed.error);
      try {
        if ((await act(parsed.data)) === false) return { ok: false, error: 'not found' };
      } catch (error) {
        return refuse(String(error));
      }
      await recompute();
      return { ok: true };
    };
  }

  /** What a page's reader reported: stored, its tab remembered, its clients re-judged. */
  async function pageRead(data: PageRead, sender: Sender): Promise<PageReadReply> {
    const refusal = await pageSenderRefusal(sender, (origin) => browser.permissions.contains({ origins: [origin] }));
    if (refusal) return refuse(refusal);
    const parsed = parseMessage(pageReadSchema, data);
    if (!parsed.ok) return refuse(parsed.error);
    const { url, extract } = parsed.data;
    const tabId = sender.tab!.id!;
    // The browser's word for the frame's address beats what the message claims.
    const source = new URL(sender.url ?? url).hostname;
    const at = new Date().toISOString();
    const keys = await ingestPage(db, { at, source, extract, timeZone: effectiveTimeZone(await loadSettings()) });
    const subjectKey = extract.subject ? clientKey(extract.subject) : undefined;
    const clientKeys = subjectKey && !keys.includes(subjectKey) ? [subjectKey, ...keys] : keys;
    await putTabRow({
      tabId,
      url: sender.tab?.url ?? url,
      host: source,
      clientKeys,
      single: Boolean(subjectKey) || clientKeys.length === 1,
      ...(extract.subject ? { subjectName: extract.subject.name } : {}),
      observations: extract.observations.length,
      warnings: extract.warnings,
      ...(extract.readBy ? { readBy: extract.readBy } : {}),
      at,
    });
    // Stored: the reader may go on. Its clients are re-judged after the reply (the badge follows
    // a moment later), so a page read never waits on the criteria.
    void recompute(clientKeys);
    return { ok: true, observations: extract.observations.length, clients: clientKeys.length };
  }

  /**
   * Forgets what the tabs of these sites showed, clears their badges and stops their readers.
   * `open`: their tabs, listed while the permission still let us see their addresses; the tabs
   * we have rows for are added (all we can know once the permission is gone).
   */
  async function forgetTabs(patterns: string[], open: number[] = []): Promise<void> {
    const rows = (await allTabRows()).filter((row) => open.includes(row.tabId) || patterns.includes(hostPattern(row.url)));
    const tabIds = [...new Set([...open, ...rows.map((row) => row.tabId)])];
    await deleteTabRows(rows.map((row) => row.tabId));
    const empty = await badgeOfTab(db, undefined, await lang());
    for (const tabId of tabIds) {
      await showBadge(tabId, empty);
      // The reader already running there stops at once (a tab the reader never ran in has no listener).
      await browser.tabs.sendMessage(tabId, { type: STOP_MESSAGE }).catch(() => undefined);
    }
  }

  /** Keeps a profile (one per site, address pattern and kind) and reads the site's open tabs again with it. */
  async function keepProfiles(profiles: SiteProfile[]): Promise<void> {
    const kept = (await profilesItem.getValue()).filter((old) => !profiles.some((profile) => sameSlot(old, profile)));
    await profilesItem.setValue([...kept, ...profiles].slice(-MAX_PROFILES));
    await startReading([...new Set(profiles.map((profile) => profile.origin))]);
  }

  onPageMessage('pageRead', ({ data, sender }) => pageRead(data, sender));
  onPageMessage('loadReaderExtras', async ({ sender }) => {
    const refusal = await pageSenderRefusal(sender, (origin) => browser.permissions.contains({ origins: [origin] }));
    if (refusal) return refuse(refusal);
    const tabId = sender.tab!.id!;
    try {
      if (browser.scripting?.executeScript) await browser.scripting.executeScript({ target: { tabId }, files: [EXTRAS_FILE] });
      else await (browser.tabs as unknown as { executeScript(id: number, d: { file: string }): Promise<unknown> }).executeScript(tabId, { file: EXTRAS_FILE });
    } catch (error) {
      return refuse(`could not load the site readers: ${String(error)}`);
    }
    return { ok: true };
  });
  onPageMessage('profileTaught', async ({ data, sender }) => {
    const refusal = await pageSenderRefusal(sender, (origin) => browser.permissions.contains({ origins: [origin] }));
    if (refusal) return refuse(refusal);
    const parsed = siteProfileSchema.safeParse((data as { profile?: unknown } | null)?.profile);
    if (!parsed.success) return refuse(`invalid profile: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
    // A page teaches its own site only.
    if (parsed.data.origin !== new URL(sender.url ?? sender.tab!.url!).origin) return refuse('a profile is taught on its own site only');
    await keepProfiles([parsed.data]);
    return { ok: true };
  });
  onMessage('importHistory', async ({ data, sender }) => {
    const refusal = commandSenderRefusal(sender);
    if (refusal) return refuse(refusal);
    const parsed = parseMessage(importHistorySchema, data, LIMITS.maxImportBytes);
    if (!parsed.ok) return refuse(parsed.error);
    const { source, observations } = parsed.data;
    const keys = await importObservations(db, { at: new Date().toISOString(), source, observations, timeZone: effectiveTimeZone(await loadSettings()) });
    // One judgement of the whole store at the end, not one per row.
    await recompute();
    return { ok: true, imported: observations.length, clients: keys.length };
  });
  onMessage(
    'startTeaching',
    command(startTeachingSchema, async ({ tabId, lang }) => {
      const tab = await browser.tabs.get(tabId);
      // Only a tab of an enabled site shows us its address; the picker runs nowhere else.
      if (!tab.url || !(await browser.permissions.contains({ origins: [hostPattern(tab.url)] }))) throw new Error('enable the site first');
      const target = { tabId };
      if (browser.scripting?.executeScript) {
        await browser.scripting.executeScript({ target, func: (chosen: string) => void ((globalThis as { __clientSignalsPickerLang?: string }).__clientSignalsPickerLang = chosen), args: [lang] });
        await browser.scripting.executeScript({ target, files: ['/content-scripts/picker.js'] });
      } else {
        const tabs = browser.tabs as unknown as { executeScript(id: number, d: { code?: string; file?: string }): Promise<unknown> };
        await tabs.executeScript(tabId, { code: `globalThis.__clientSignalsPickerLang = ${JSON.stringify(lang)};` });
        await tabs.executeScript(tabId, { file: '/content-scripts/picker.js' });
      }
    }),
  );
  onMessage(
    'deleteProfile',
    command(profileSlotSchema, async (slot) => {
      await profilesItem.setValue((await profilesItem.getValue()).filter((profile) => !sameSlot(profile, slot)));
    }),
  );
  onMessage('importProfiles', async ({ data, sender }) => {
    const refusal = commandSenderRefusal(sender);
    if (refusal) return refuse(refusal);
    const parsed = parseMessage(backupMessageSchema, data, MAX_PROFILES * 10_240);
    if (!parsed.ok) return refuse(parsed.error);
    let json: unknown;
    try {
      json = JSON.parse(parsed.data.json);
    } catch {
      return refuse('not a JSON file');
    }
    const list = Array.isArray(json) ? json : [json];
    const profiles: SiteProfile[] = [];
    for (const [index, item] of list.slice(0, MAX_PROFILES + 1).entries()) {
      const profile = siteProfileSchema.safeParse(item);
      if (!profile.success) return refuse(`profile ${index + 1}: ${profile.error.issues[0]?.message ?? 'invalid'}`);
      profiles.push(profile.data);
    }
    if (list.length > MAX_PROFILES) return refuse(`at most ${MAX_PROFILES} profiles`);
    await keepProfiles(profiles);
    return { ok: true, imported: profiles.length };
  });
  onMessage('addNote', command(noteInputSchema, (note) => addNote(db, note, new Date().toISOString()).then(() => true)));
  onMessage('deleteNote', command(idSchema, ({ id }) => deleteNote(db, id)));
  onMessage('setNoteOutcome', command(noteOutcomeSchema, ({ id, outcome }) => setNoteOutcome(db, id, outcome)));
  onMessage('mergeClients', command(mergeSchema, ({ a, b }) => mergeClients(db, a, b, new Date().toISOString()).then(() => true)));
  onMessage('unmergeClients', command(idSchema, ({ id }) => unmergeClients(db, id)));
  onMessage('importBackup', async ({ data, sender }) => {
    const refusal = commandSenderRefusal(sender);
    if (refusal) return refuse(refusal);
    const parsed = parseMessage(backupMessageSchema, data, MAX_BACKUP_BYTES);
    if (!parsed.ok) return refuse(parsed.error);
    const backup = parseBackup(parsed.data.json);
    if (!backup.ok) return refuse(backup.error);
    const imported = await restoreBackup(db, backup.backup);
    await takePendingSettings(db, (settings) => settingsItem.setValue(settings));
    await recompute();
    return { ok: true, imported };
  });
  onMessage(
    'enableSite',
    command(originSchema, async ({ origin }) => {
      // The popup asked for the permission on the user's click; without it this is refused.
      if (!(await browser.permissions.contains({ origins: [hostPattern(origin)] }))) throw new Error(`no permission for ${origin}`);
      // permissions.onAdded does the same; whichever comes second finds the work done.
      await startReading([origin]);
    }),
  );
  onMessage(
    'disableSite',
    command(originSchema, async ({ origin }) => {
      const pattern = hostPattern(origin);
      const open = await tabsOf([pattern]);
      // Idempotent: removing a permission already gone, or unregistering a script never registered, is no error.
      await serialised(() => browser.permissions.remove({ origins: [pattern] }));
      await syncContentScripts();
      await forgetTabs([pattern], open);
    }),
  );

  // The browser's own word that a site was granted: Firefox closes the popup while its prompt
  // shows, and Chrome's prompt closes it too, so the popup's follow-up message may never come.
  browser.permissions.onAdded.addListener(({ origins = [] }) => void startReading(origins).catch((error: unknown) => console.warn('Client Signals: could not start reading', error)));
  browser.permissions.onRemoved.addListener(({ origins = [] }) => {
    void syncContentScripts()
      .then(() => forgetTabs(origins.map(hostPattern)))
      .catch((error: unknown) => console.warn('Client Signals: could not stop reading', error));
  });
  browser.tabs.onRemoved.addListener((tabId) => void deleteTabRows([tabId]));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (!change.url) return;
    // A new page in the tab: what the last one showed no longer applies until the reader reports.
    void getTabRow(tabId).then(async (row) => {
      if (row && row.url !== change.url) {
        await deleteTabRows([tabId]);
        await showBadge(tabId, await badgeOfTab(db, undefined, await lang()));
      }
    });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY) void recompute();
  });
  settingsItem.watch(() => void recompute());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void recompute();
    // After an update the open tabs' readers are cut off from the new worker: start fresh ones.
    if (reason === 'update') void browser.permissions.getAll().then(({ origins = [] }) => startReading(origins));
  });
  browser.runtime.onStartup.addListener(() => void recompute());

  // On every wake-up (cheap): a restore cut short gets its settings, the daily alarm exists, the
  // reader is registered where enabled.
  void (async () => {
    if (await takePendingSettings(db, (settings) => settingsItem.setValue(settings))) void recompute();
    // A worker stopped between a page's reply and its re-judging: the open tabs' clients get it now.
    else void allTabRows().then((rows) => (rows.length ? recompute(rows.flatMap((row) => row.clientKeys)) : undefined));
    if (!(await browser.alarms.get(DAILY))) await browser.alarms.create(DAILY, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
    await syncContentScripts();
  })();
});
