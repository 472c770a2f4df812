/**
 * `npm run bench -- criteria`: peerStats + evaluateClient over 1,000 clients (24 invoices, 200
 * tickets, 10 notes each), then over 10× the data, against a floor that reads every row once.
 * Targets (issue 3): within 10× the floor; 10× the data takes at most 12× the time.
 */
import { performance } from 'node:perf_hooks';
import { evaluateClient, peerStats } from '../../lib/criteria/index';
import { buildHistories } from '../../lib/history';
import type { ClientHistory, Note, Observation } from '../../lib/model';
import { median, writeResult } from './results';

const NOW = new Date('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const SETTINGS = { timeZone: 'Europe/Berlin' };

/** mulberry32: a small seeded PRNG, so every run measures the same data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

function clientHistory(index: number, random: () => number): ClientHistory {
  const client = { name: `Client ${index} LLC` };
  const entries: { at: string; source: string; observation: Observation }[] = [];
  let seen = NOW.getTime() - 800 * DAY + index;
  const sighting = (observation: Observation) => entries.push({ at: iso((seen += 60_000)), source: 'crm.example', observation });
  for (let i = 0; i < 24; i++) {
    const issued = NOW.getTime() - (24 - i) * 30 * DAY;
    const due = issued + 30 * DAY;
    const paidAt = due + Math.floor(random() * 45 - 10) * DAY;
    const paid = paidAt < NOW.getTime() ? day(paidAt) : undefined;
    sighting({
      kind: 'invoice', client, number: `INV-${index}-${i}`, issued: day(issued), due: day(due), paid,
      amount: Math.round(500 + random() * 5000) * (random() < 0.03 ? -1 : 1), currency: 'EUR',
      discount: random() < 0.1 ? 50 : undefined, status: paid ? 'paid' : 'open',
    });
  }
  for (let i = 0; i < 200; i++) {
    const created = NOW.getTime() - Math.floor(random() * 730 * DAY);
    const hour = Math.floor(random() * 24);
    // Most helpdesks show local time; some give an instant.
    const stamp = random() < 0.8 ? `${day(created)}T${pad(hour)}:${pad(Math.floor(random() * 60))}:00` : iso(created);
    sighting({
      kind: 'ticket', client, id: `T-${index}-${i}`, created: stamp,
      priority: random() < 0.2 ? 'urgent' : 'normal', status: 'solved',
      satisfaction: random() < 0.3 ? (random() < 0.2 ? 'bad' : 'good') : undefined,
      tags: random() < 0.1 ? ['complaint'] : random() < 0.05 ? ['out-of-scope'] : undefined,
      subject: `Request ${i}`,
    });
  }
  const kinds = ['advice', 'incident', 'out-of-scope', 'discount-request', 'advice'] as const;
  const notes: Note[] = Array.from({ length: 10 }, (_, i) => ({
    kind: kinds[i % kinds.length]!, client, at: iso(NOW.getTime() - Math.floor(random() * 365) * DAY), text: `note ${i}`,
    outcome: random() < 0.5 ? 'ignored' : 'followed',
  }));
  return buildHistories(entries, notes)[0]!;
}

/** Reads every row once, touching a field or two: the least any evaluation must do. */
function floor(histories: ClientHistory[]): number {
  let sink = 0;
  for (const history of histories) {
    for (const invoice of history.invoices) sink += (invoice.amount ?? 0) + (invoice.due ? 1 : 0);
    for (const ticket of history.tickets) sink += ticket.created.length + (ticket.priority === 'urgent' ? 1 : 0);
    for (const note of history.notes) sink += note.at.length;
  }
  return sink;
}

function evaluateAll(histories: ClientHistory[]): number {
  const peers = peerStats(histories, { settings: SETTINGS, now: NOW });
  let sink = 0;
  for (const history of histories) sink += evaluateClient(history, { settings: SETTINGS, now: NOW, peers }).length;
  return sink;
}

/** `npm run bench` runs node with --expose-gc: each timing starts with a clean heap, so no run pays for another's garbage. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function timed(run: () => number): number {
  collect();
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Median milliseconds of the evaluation and of the floor, taken in turns so both see the same
 * machine; every evaluation gets fresh history objects (no per-history cache carries over).
 * The first rounds warm the JIT (and let the collector clear the set-up's garbage) and are not counted.
 */
const WARM_UP = 3;

function measure(clients: number, rounds: number) {
  const random = prng(42);
  const histories = Array.from({ length: clients }, (_, i) => clientHistory(i, random));
  const evaluations: number[] = [];
  const floors: number[] = [];
  for (let round = -WARM_UP; round < rounds; round++) {
    const fresh = histories.map((history) => ({ ...history }));
    const evaluateMs = timed(() => evaluateAll(fresh));
    const floorMs = timed(() => floor(histories));
    if (round >= 0) {
      evaluations.push(evaluateMs);
      floors.push(floorMs);
    }
  }
  const evaluateMs = median(evaluations);
  const floorMs = median(floors);
  return { clients, evaluateMs, floorMs, ratio: evaluateMs / floorMs };
}

/** The ratio is what the target is about, and the machine is noisy: five whole runs, their median and spread. */
const RUNS = 5;
const runs = Array.from({ length: RUNS }, () => measure(1_000, 15));
const base = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(RUNS / 2)]!;
const tenfold = measure(10_000, 5);
const figures = {
  clients: base.clients,
  rowsPerClient: { invoices: 24, tickets: 200, notes: 10 },
  runs: RUNS,
  medianMs: round(base.evaluateMs),
  floorMs: round(base.floorMs),
  ratio: round(base.ratio),
  ratioSpread: { min: round(Math.min(...runs.map((run) => run.ratio))), max: round(Math.max(...runs.map((run) => run.ratio))) },
  tenfold: { clients: tenfold.clients, medianMs: round(tenfold.evaluateMs), floorMs: round(tenfold.floorMs), ratio: round(tenfold.ratio) },
  growth: round(tenfold.evaluateMs / base.evaluateMs),
  targets: { ratio: 10, growth: 12 },
};
writeResult('criteria', figures);
console.log(
  [
    `1,000 clients:  peerStats + evaluateClient ${figures.medianMs} ms, floor ${figures.floorMs} ms, ratio ${figures.ratio}× (median of ${RUNS} runs, spread ${figures.ratioSpread.min}–${figures.ratioSpread.max}×; target ≤ 10×)`,
    `10,000 clients: ${figures.tenfold.medianMs} ms, floor ${figures.tenfold.floorMs} ms, ratio ${figures.tenfold.ratio}×`,
    `growth at 10× the data: ${figures.growth}× (target ≤ 12×)`,
  ].join('\n'),
);

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
