import { describe, expect, it } from 'vitest';
import { configSchema, type EnvironmentConfig } from '../../src/config/schema.js';
import { evaluateHealth } from '../../src/checks/health/evaluate.js';
import { evaluateIndexes } from '../../src/checks/indexes/evaluate.js';
import { problemFix, problemText } from '../../src/checks/indexes/render.js';
import { CHECK_REGISTRY } from '../../src/checks/registry.js';
import type { EvalContext } from '../../src/checks/check.js';
import type { IndexesResult } from '../../src/checks/indexes/types.js';
import type { ProbeResult } from '../../src/checks/health/types.js';

// Issue 13: a check's evaluate is pure and structured (verdicts with numbers, rules and
// severities, no sentences); its render puts them in words. These tests call evaluate directly.
const config: EnvironmentConfig = configSchema.parse({
  environments: {
    p: {
      health: [{ name: 'api', path: '/health', 'latency-budget': '100ms' }],
      indexes: { database: 'app', collections: { users: [{ key: { email: 1 }, unique: true }], orders: [{ key: { at: -1 } }] } },
    },
  },
}).environments.p!;
const ctx = (severity: EvalContext['severity'] = {}): EvalContext => ({ environment: 'p', config, severity });

/** Every string anywhere in a value, except the ones copied from the results (names, URLs, messages). */
function sentences(v: unknown, allowed: ReadonlySet<string>): string[] {
  if (typeof v === 'string') return allowed.has(v) ? [] : [v];
  if (Array.isArray(v)) return v.flatMap((x) => sentences(x, allowed));
  if (v && typeof v === 'object') return Object.values(v).flatMap((x) => sentences(x, allowed));
  return [];
}

const probe = (over: Partial<ProbeResult>): ProbeResult => ({ name: 'api', method: 'GET', url: 'http://x/health', attempts: 1, status: 200, latencyMs: 5, latencyBudgetMs: 100, assertions: [], ...over });

describe('health evaluate (pure, structured)', () => {
  it.each([
    ['a passing probe', probe({}), {}, 'ok', undefined],
    ['a failing probe', probe({ status: 503, failure: { class: 'status', message: 'HTTP 503' } }), {}, 'failed', { rule: 'health-failed', severity: 'sev1' }],
    ['a slow probe', probe({ latencyMs: 250 }), {}, 'slow', { rule: 'health-latency', severity: 'sev3' }],
    ['a failing probe, rule off', probe({ failure: { class: 'timeout', message: 'no answer' } }), { 'health-failed': 'off' as const }, 'failed', undefined],
  ])('%s', (_, p, severity, kind, graded) => {
    const j = evaluateHealth([p], ctx(severity));
    expect(j.verdicts.map((v) => v.kind)).toEqual([kind]);
    expect((j.verdicts[0] as { graded?: unknown }).graded).toEqual(graded);
    expect(j.observed).toEqual(['p:health:api']);
  });
});

describe('indexes evaluate (pure, structured)', () => {
  const result: IndexesResult = {
    database: 'app', host: 'db:27017', connected: true, notes: [], queries: [],
    collections: [
      { name: 'users', exists: true, indexes: [{ v: 2, key: { _id: 1 }, name: '_id_' }, { v: 2, key: { email: 1 }, name: 'email_1' }] },
      { name: 'orders', exists: false, indexes: [] },
    ],
  };
  it('grades each collection by its worst problem, with the problems as data', () => {
    const j = evaluateIndexes(result, config.indexes!, ctx());
    const cols = j.verdicts.filter((v) => v.kind === 'collection');
    expect(cols.map((v) => [v.collection, v.severity, v.problems.map((p) => [p.kind, p.rule])])).toEqual([
      ['users', 'sev2', [['index-differs', 'indexes-unique-missing']]],
      ['orders', 'sev3', [['collection-missing', 'indexes-collection-missing']]],
    ]);
    // No sentences in the verdicts: only names and values that came from the config and the results.
    expect(sentences(j.verdicts, new Set(['users', 'orders', 'app', 'db:27017', 'email_1', '_id_', 'unique', 'collection', 'index-differs', 'collection-missing', 'indexes-unique-missing', 'indexes-collection-missing', 'notes', 'sev1', 'sev2', 'sev3', 'sev4']))).toEqual([]);
    expect(j.observed).toEqual(['p:indexes:connection', 'p:indexes:users', 'p:indexes:orders']);
  });
  it('renders the problems and their fixes in words', () => {
    const users = evaluateIndexes(result, config.indexes!, ctx()).verdicts.find((v) => v.kind === 'collection' && v.collection === 'users');
    const p = users?.kind === 'collection' ? users.problems[0]! : undefined;
    expect(problemText(p!)).toBe('index email_1 { email: 1 } differs: unique expected true, found not set (present without unique: duplicates can be written)');
    expect(problemFix(p!)).toBe('db.users.dropIndex("email_1"); db.users.createIndex({ "email": 1 }, {"unique":true})  // remove duplicate values first');
  });
  it('a rule switched off leaves the collection ungraded (a skipped row)', () => {
    const j = evaluateIndexes(result, config.indexes!, ctx({ 'indexes-unique-missing': 'off', 'indexes-collection-missing': 'off' }));
    expect(j.verdicts.filter((v) => v.kind === 'collection').map((v) => v.severity)).toEqual([undefined, undefined]);
  });
});

describe('the registry', () => {
  it('lists every check once, in the summary order, each with the same shape', () => {
    expect(CHECK_REGISTRY.map((c) => c.name)).toEqual(['health', 'metrics', 'load', 'indexes', 'audits']);
    for (const c of CHECK_REGISTRY) expect([typeof c.configured, typeof c.urls, typeof c.run, typeof c.evaluate, typeof c.render]).toEqual(['function', 'function', 'function', 'function', 'function']);
  });
  it('knows which checks an environment configures', () => {
    expect(CHECK_REGISTRY.filter((c) => c.configured(config)).map((c) => c.name)).toEqual(['health', 'indexes']);
  });
});

describe('facts for other renderers', () => {
  it('the load evaluation hands each request its resolved budgets, so the gate comment need not read the config', async () => {
    const { evaluate } = await import('../../src/evaluation/evaluate.js');
    const loadConfig = configSchema.parse({ environments: { p: { load: { budgets: { p95: '2s' }, regression: { threshold: '30%' }, requests: [{ name: 'search', path: '/s', budgets: { p95: '100ms', 'error-rate': '0.5%' } }, { name: 'home', path: '/' }] } } } }).environments.p!;
    const req = (name: string) => ({
      name, method: 'GET', url: `http://x/${name}`, connections: 1, startedAt: '2026-11-28T00:00:00Z', elapsedMs: 1000, requests: 100, responses: 100, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0,
      statusCodes: { 200: 100 }, errorRate: 0, requestsPerSecond: 100, latencyMs: { count: 100, min: 1, mean: 5, p50: 5, p90: 9, p95: 9, p99: 9, max: 9 }, histogram: 'x',
    });
    const e = evaluate({ load: { connections: 1, durationMs: 1000, warmupMs: 0, requests: [req('search'), req('home')], overall: { ...req('all') } } }, { environment: 'p', config: loadConfig, severity: {} });
    expect(e.facts).toEqual({ load: { budgets: { search: { p50: 500, p95: 100, errorRate: 0.5 }, home: { p50: 500, p95: 2000, errorRate: 1 } }, regressionThresholdPct: 30 } });
  });
});
