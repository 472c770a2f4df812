import { resolveLang } from '../../lib/i18n';
import { onMessage, type CommandReply } from '../../lib/messages';
import { backupMessageSchema, mergeSchema, idSchema, noteInputSchema, noteOutcomeSchema, originSchema, pageReadSchema, parseMessage } from '../../lib/message-schemas';
import { MAX_BACKUP_BYTES, parseBackup } from '../../lib/backup';
import { clientKey } from '../../lib/identity';
import { loadSettings, settingsItem } from '../../lib/settings-storage';
import { getDb } from '../../lib/store/db';
import { restoreBackup } from '../../lib/store/backup';
import { ingestPage } from '../../lib/store/ingest';
import { addNote, deleteNote, mergeClients, setNoteOutcome, unmergeClients } from '../../lib/store/notes';
import { recomputeAll, recomputeClients } from '../../lib/store/verdicts';
import type { PeerStats } from '../../lib/model';
import { badgeOfTab, showBadge } from './badges';
import { injectInto, syncContentScripts } from './sites';

const DAILY = 'daily-recompute';
const PEERS_MAX_AGE_MS = 60 * 60 * 1000;

/** Wiring only: messages → store → criteria → badge. Listeners are registered synchronously. */
export default defineBackground(() => {
  const db = getDb();
  let running: Promise<void> | undefined;
  /** What the next run must re-judge: some clients, or (undefined) everyone. */
  let wanted: Set<string> | undefined | null = null;
  // Peers outlive the service worker (it sleeps when idle): a wake-up must not re-judge the whole store.
  const peersItem = storage.defineItem<{ stats: PeerStats; at: number } | null>('local:peers', { fallback: null });

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
        const lang = resolveLang(settings.language, navigator.language);
        for (const row of await db.tabs.toArray()) await showBadge(row.tabId, await badgeOfTab(db, row, lang));
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

  /** Runs a popup/options command after validating its data; a refused one changes nothing. */
  function command<T>(schema: Parameters<typeof parseMessage<T>>[0], act: (data: T) => Promise<boolean | void>) {
    return async ({ data }: { data: unknown }): Promise<CommandReply> => {
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

  onMessage('pageRead', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.id !== browser.runtime.id) return refuse('pageRead must come from our content script in a tab');
    const parsed = parseMessage(pageReadSchema, data);
    if (!parsed.ok) return refuse(parsed.error);
    const { url, extract } = parsed.data;
    // The browser's word for the frame's address beats what the message claims.
    const source = new URL(sender.url ?? url).hostname;
    const at = new Date().toISOString();
    const keys = await ingestPage(db, { at, source, extract });
    const subjectKey = extract.subject ? clientKey(extract.subject) : undefined;
    const clientKeys = subjectKey && !keys.includes(subjectKey) ? [subjectKey, ...keys] : keys;
    await db.tabs.put({
      tabId,
      url: sender.tab?.url ?? url,
      host: source,
      clientKeys,
      single: Boolean(subjectKey) || clientKeys.length === 1,
      subjectName: extract.subject?.name,
      observations: extract.observations.length,
      warnings: extract.warnings,
      at,
    });
    await recompute(clientKeys);
    return { ok: true, observations: extract.observations.length, clients: clientKeys.length };
  });

  onMessage('addNote', command(noteInputSchema, (note) => addNote(db, note, new Date().toISOString()).then(() => true)));
  onMessage('deleteNote', command(idSchema, ({ id }) => deleteNote(db, id)));
  onMessage('setNoteOutcome', command(noteOutcomeSchema, ({ id, outcome }) => setNoteOutcome(db, id, outcome)));
  onMessage('mergeClients', command(mergeSchema, ({ a, b }) => mergeClients(db, a, b, new Date().toISOString()).then(() => true)));
  onMessage('unmergeClients', command(idSchema, ({ id }) => unmergeClients(db, id)));
  onMessage('importBackup', async ({ data }) => {
    const parsed = parseMessage(backupMessageSchema, data, MAX_BACKUP_BYTES);
    if (!parsed.ok) return refuse(parsed.error);
    const backup = parseBackup(parsed.data.json);
    if (!backup.ok) return refuse(backup.error);
    const imported = await restoreBackup(db, backup.backup);
    await settingsItem.setValue(backup.backup.settings);
    await recompute();
    return { ok: true, imported };
  });
  onMessage(
    'enableSite',
    command(originSchema, async ({ origin }) => {
      // The popup asked for the permission on the user's click; without it this is refused.
      if (!(await browser.permissions.contains({ origins: [`${origin}/*`] }))) throw new Error(`no permission for ${origin}`);
      await syncContentScripts();
      await injectInto(origin);
    }),
  );
  onMessage(
    'disableSite',
    command(originSchema, async ({ origin }) => {
      await browser.permissions.remove({ origins: [`${origin}/*`] });
      await syncContentScripts();
    }),
  );

  browser.permissions.onAdded.addListener(() => void syncContentScripts());
  browser.permissions.onRemoved.addListener(() => void syncContentScripts());
  browser.tabs.onRemoved.addListener((tabId) => void db.tabs.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (!change.url) return;
    // A new page in the tab: what the last one showed no longer applies until the reader reports.
    void db.tabs.get(tabId).then(async (row) => {
      if (row && row.url !== change.url) {
        await db.tabs.delete(tabId);
        await showBadge(tabId, await badgeOfTab(db, undefined, resolveLang((await loadSettings()).language, navigator.language)));
      }
    });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY) void recompute();
  });
  settingsItem.watch(() => void recompute());
  browser.runtime.onInstalled.addListener(() => void recompute());
  browser.runtime.onStartup.addListener(() => void recompute());

  // On every wake-up (cheap): the daily alarm exists, the reader is registered where enabled.
  void (async () => {
    if (!(await browser.alarms.get(DAILY))) await browser.alarms.create(DAILY, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
    await syncContentScripts();
    // Tab ids do not survive a browser restart.
    const open = new Set((await browser.tabs.query({})).map((tab) => tab.id));
    await db.tabs.filter((row) => !open.has(row.tabId)).delete();
  })();
});
