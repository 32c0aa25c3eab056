/**
 * bench/evaluate: the cost of judging a large run (every check's evaluate, render and the outage
 * fold) against a reference taken in the same run: a JSON round trip of the same results, which
 * touches every value once. Reported as a ratio, so a shared, noisy machine cancels out.
 * Run: npm run bench:evaluate   (EVALUATE=<module path> compares another build of evaluate, e.g. an old checkout)
 */
import { pathToFileURL } from 'node:url';
import { configSchema } from '../src/config/schema.js';
import type { CheckResults, Evaluation } from '../src/checks/results.js';
import type { EvalContext } from '../src/checks/check.js';
import type { LoadRequestResult } from '../src/checks/load/types.js';
import { fmt, median } from './lib.js';

const PROBES = 2000;
const ALERTS = 500;
const REQUESTS = 50;
const ROUNDS = Number(process.env.ROUNDS ?? 15);

const base = 'http://127.0.0.1:8000';
const config = configSchema.parse({
  environments: {
    p: {
      health: Array.from({ length: PROBES }, (_, i) => ({ name: `p${i}`, path: `/p${i}`, 'latency-budget': '100ms' })),
      metrics: { system: { cpu: { field: 'cpu' }, memory: { field: 'mem' }, disk: { field: 'disk' } }, alerts: {} },
      load: { requests: Array.from({ length: REQUESTS }, (_, i) => ({ name: `r${i}`, path: `/r${i}` })) },
    },
  },
}).environments.p!;
const req = (name: string, i: number): LoadRequestResult => ({
  name, method: 'GET', url: `${base}/${name}`, connections: 1, startedAt: '2026-11-28T00:00:00Z', elapsedMs: 10_000, requests: 1000, responses: 1000,
  non2xx: i % 7, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: 1000 - (i % 7), 503: i % 7 }, errorRate: (i % 7) / 1000, requestsPerSecond: 100,
  latencyMs: { count: 1000, min: 1, mean: 50, p50: 40 + i, p90: 300, p95: 400 + 40 * i, p99: 900, max: 1200 }, histogram: 'x',
});
const results: CheckResults = {
  health: Array.from({ length: PROBES }, (_, i) => ({
    name: `p${i}`, method: 'GET', url: `${base}/p${i}`, attempts: 1, latencyMs: i % 3 ? 20 : 150, latencyBudgetMs: 100, assertions: [],
    ...(i % 10 === 0 ? { status: 503, failure: { class: 'status' as const, message: 'HTTP 503' } } : { status: 200 }),
  })),
  metrics: [
    { source: 'system', url: `${base}/system`, attempts: 1, latencyMs: 3, status: 200, json: { cpu: 91, mem: 70, disk: 96 } },
    { source: 'alerts', url: `${base}/alerts`, attempts: 1, latencyMs: 3, status: 200, json: { alerts: Array.from({ length: ALERTS }, (_, i) => ({ type: `a${i}`, level: i % 2 ? 'critical' : 'warning', message: `alert ${i}` })) } },
  ],
  load: { connections: 10, durationMs: 10_000, warmupMs: 0, requests: Array.from({ length: REQUESTS }, (_, i) => req(`r${i}`, i)), overall: { ...req('all', 0) } },
};

type Evaluate = (r: CheckResults, ctx: EvalContext & { env?: unknown }) => Evaluation;
const path = process.env.EVALUATE ?? new URL('../src/evaluation/evaluate.ts', import.meta.url).pathname;
const { evaluate } = (await import(pathToFileURL(path).href)) as { evaluate: Evaluate };
// `env` is the old name of `config` (for comparing with a checkout from before issue 13).
const ctx = { environment: 'p', config, env: config, severity: {} };

const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const e = evaluate(results, ctx);
for (let i = 0; i < 3; i++) time(() => evaluate(results, ctx));
const judged: number[] = [];
const reference: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  reference.push(time(() => JSON.parse(JSON.stringify(results))));
  judged.push(time(() => evaluate(results, ctx)));
}
console.log(`evaluate: ${PROBES} probes, ${ALERTS} alerts, ${REQUESTS} load requests → ${e.rows.length} rows, ${e.findings.length} findings`);
console.log(`median ${fmt(median(judged))} ms; reference (JSON round trip of the results) ${fmt(median(reference))} ms; ratio ${fmt(median(judged) / median(reference), 2)}×`);
