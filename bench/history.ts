/**
 * bench/history: reading and judging 30 days of 5-minute records (8,640 for one environment): the
 * run history's files read and parsed (LocalRunStore: zod per record), then every check's evaluate
 * with the history (SLO and burn rates, schedule gaps, a `for: 10m` CPU level, a per-hour rate).
 * Against a reference taken in the same run: JSON.parse of the same lines. Reported as a ratio
 * (a shared, noisy machine cancels out) and as the absolute figure, whose budget is 200 ms.
 * Run: npm run bench:history
 */
import { mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../src/config/schema.js';
import { evaluate } from '../src/evaluation/evaluate.js';
import { LocalRunStore } from '../src/history/local-store.js';
import { recordLine, RUN_SCHEMA, type RunRecord } from '../src/history/record.js';
import { appendLine, monthOf, partName } from '../src/history/files.js';
import type { CheckResults } from '../src/checks/results.js';
import { fmt, median } from './lib.js';

const RECORDS = 8640;
const EVERY = 5 * 60_000;
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const BUDGET_MS = 200;
const now = Date.parse('2026-11-30T12:00:00.000Z');
const base = 'http://127.0.0.1:8000';

const config = configSchema.parse({
  environments: {
    p: {
      health: [{ name: 'api', path: '/health' }, { name: 'login', path: '/login' }],
      metrics: { system: { cpu: { field: 'cpu' }, memory: { field: 'mem' } }, usage: {}, thresholds: [{ name: 'ai-failures', source: 'usage', field: 'ai', rate: 'per-hour', levels: [{ above: 10, severity: 'sev3' }] }] },
      slo: { availability: '99.9%', window: '30d', probes: { login: { availability: '99.5%' } } },
    },
  },
}).environments.p!;

// The records, as the action writes them: 5 minutes apart (GitHub's delays: 0–4 min late), an outage now and then.
// Written here with the stores' pure rules (month, parts under 900 KB) in one pass, rather than 8,640 appends.
const dir = mkdtempSync(join(tmpdir(), 'lg-bench-history-'));
const store = new LocalRunStore(dir);
const folder = join(dir, 'p');
await mkdir(folder, { recursive: true });
const texts = new Map<string, string>();
for (let k = 0; k < RECORDS; k++) {
  const tick = now - (RECORDS - k) * EVERY;
  const down = k % 997 < 3;
  const r: RunRecord = {
    schema: RUN_SCHEMA, t: new Date(tick + (k % 5) * 47_000).toISOString(), ev: 'schedule', c: '*/5 * * * *', sch: new Date(tick).toISOString(), i: EVERY,
    p: { api: down ? [0, 5000, 'timeout'] : [1, 40 + (k % 30)], login: [1, 80 + (k % 20)] },
    m: { cpu: 30 + (k % 60), memory: 50 + (k % 20), 'ai-failures': k },
    o: ['health:api', 'health:login', 'metrics:cpu', 'metrics:memory', 'metrics:ai-failures', 'history:slo-budget', 'history:schedule-gap'],
    ...(down ? { f: ['health:api'] } : {}),
    w: down ? 'sev1' : 'none',
  };
  const month = monthOf(Date.parse(r.t));
  for (let part = 1; ; part++) {
    const name = partName(month, part);
    const next = appendLine(texts.get(name), recordLine(r));
    if (next === undefined) continue;
    texts.set(name, next);
    break;
  }
}
for (const [name, text] of texts) await writeFile(join(folder, name), text);
const files = (await readdir(folder)).sort();

const results: CheckResults = {
  health: [
    { name: 'api', method: 'GET', url: `${base}/health`, attempts: 1, latencyMs: 40, status: 200, assertions: [] },
    { name: 'login', method: 'GET', url: `${base}/login`, attempts: 1, latencyMs: 80, status: 200, assertions: [] },
  ],
  metrics: [
    { source: 'system', url: `${base}/system`, attempts: 1, latencyMs: 3, status: 200, json: { cpu: 91, mem: 70 } },
    { source: 'usage', url: `${base}/usage`, attempts: 1, latencyMs: 3, status: 200, json: { ai: RECORDS + 3 } },
  ],
};

async function readAndJudge(): Promise<number> {
  const read = await store.read('p', now - 30 * 86_400_000, now);
  const e = evaluate(results, { environment: 'p', config, severity: {}, history: { records: read.records, now, schedule: { cron: '*/5 * * * *', scheduledAt: now, intervalMs: EVERY } } });
  return e.rows.length + read.records.length;
}
async function reference(): Promise<number> {
  let n = 0;
  for (const f of files) for (const line of (await readFile(join(folder, f), 'utf8')).split('\n')) if (line) n += (JSON.parse(line) as object) ? 1 : 0;
  return n;
}
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

const read = await store.read('p', now - 30 * 86_400_000, now);
for (let i = 0; i < 2; i++) await time(readAndJudge);
const judged: number[] = [];
const ref: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  ref.push(await time(reference));
  judged.push(await time(readAndJudge));
}
const ms = median(judged);
console.log(`history: ${read.records.length} records of 5-minute runs over 30 days in ${files.length} files (${files.join(', ')})`);
console.log(`read and judged: median ${fmt(ms)} ms (budget ${BUDGET_MS} ms: ${ms < BUDGET_MS ? 'within' : 'OVER'}); reference (JSON.parse of the same lines) ${fmt(median(ref))} ms; ratio ${fmt(ms / median(ref), 2)}×`);
