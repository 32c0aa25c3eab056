import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import type { ProbeResult } from '../../src/checks/health/types.js';
import { RUN_SCHEMA, type RunRecord } from '../../src/history/record.js';
import type { SeverityOverrides } from '../../src/core/severity.js';
import type { MaintenanceWindow } from '../../src/suppression/schema.js';

// "API downtime > 1 minute" is SEV1 when the health probe failed on runs spanning over a minute, or
// at once on a single failed run when no earlier run exists. A first failed run after an up run is
// not yet known to last a minute: health-failed-brief (SEV2).

const SEC = 1000;
const MIN = 60 * SEC;
const NOW = Date.parse('2026-11-01T12:00:00.000Z');
const URL_BASE = 'http://127.0.0.1:8000';
/** Earlier records at these offsets before now (seconds), with the api probe's state: 'up', 'down', or '-' (not probed). */
const recs = (runs: [number, 'up' | 'down' | '-'][], intervalMs: number | undefined = 15 * MIN): RunRecord[] =>
  runs.map(([ago, s]) => ({
    schema: RUN_SCHEMA, t: new Date(NOW - ago * SEC).toISOString(), ...(intervalMs !== undefined ? { i: intervalMs } : {}),
    p: s === 'up' ? { api: [1, 5] } : s === 'down' ? { api: [0, 5, 'status'] } : { other: [1, 5] },
  }) as RunRecord);
const config = configSchema.parse({ environments: { production: { health: [{ name: 'api' }], metrics: { system: { disk: { field: 'disk' } } } } } }).environments.production!;
const down: ProbeResult = { name: 'api', method: 'GET', url: `${URL_BASE}/health`, attempts: 1, latencyMs: 5, assertions: [], status: 503, failure: { class: 'status', message: 'HTTP 503, expected 2xx' } };
const judge = (records: RunRecord[] | undefined, severity: SeverityOverrides = {}, metrics?: unknown, maintenance?: MaintenanceWindow[]) =>
  evaluate(
    { health: [down], ...(metrics ? { metrics: [{ source: 'system' as const, url: `${URL_BASE}/api/monitoring/system`, json: metrics, attempts: 1, latencyMs: 5 }] } : {}) },
    { environment: 'production', config, severity, ...(records ? { history: { records, now: NOW } } : {}), ...(maintenance ? { maintenance } : {}) },
  );
/** A one-off maintenance window from `agoSec` before now, lasting `durationSec`. */
const windowAt = (agoSec: number, durationSec: number): MaintenanceWindow[] => [
  { kind: 'once', name: 'deploy', start: new Date(NOW - agoSec * SEC).toISOString(), startMs: NOW - agoSec * SEC, durationMs: durationSec * SEC },
];

describe('a failed health probe: SEV1 once the downtime is known to exceed a minute', () => {
  it.each([
    ['no run history (gate mode, history.record: false, the first CLI run)', undefined, {}, [['health-failed', 'sev1']]],
    ['a history without an earlier run', recs([]), {}, [['health-failed', 'sev1']]],
    ['the previous run (15 min ago, 15-min cron) was up: the first failed run', recs([[1800, 'up'], [900, 'up']]), {}, [['health-failed-brief', 'sev2']]],
    ['the previous run was up but 40 min ago, beyond twice its interval: unobserved, SEV1', recs([[2400, 'up']]), {}, [['health-failed', 'sev1']]],
    ['the previous run failed too, 15 min ago, after an up run: spanning 15 min', recs([[1800, 'up'], [900, 'down']]), {}, [['health-failed', 'sev1']]],
    ['every earlier run failed: no known start', recs([[1800, 'down'], [900, 'down']]), {}, [['health-failed', 'sev1']]],
    ['the previous run did not probe api: SEV1', recs([[1800, 'up'], [900, '-']]), {}, [['health-failed', 'sev1']]],
    ['30-second runs: failed 30 s ago and now, spanning 30 s: still brief', recs([[60, 'up'], [30, 'down']], 30 * SEC), {}, [['health-failed-brief', 'sev2']]],
    ['30-second runs: failed 60 s ago and since, spanning exactly a minute: still brief', recs([[90, 'up'], [60, 'down'], [30, 'down']], 30 * SEC), {}, [['health-failed-brief', 'sev2']]],
    ['30-second runs: failed 90 s ago and since, spanning over a minute: SEV1', recs([[120, 'up'], [90, 'down'], [60, 'down'], [30, 'down']], 30 * SEC), {}, [['health-failed', 'sev1']]],
    ['no cron interval: the observed median caps the previous run', recs([[1800, 'up'], [900, 'up']], undefined), {}, [['health-failed-brief', 'sev2']]],
    ['health-failed-brief overridden to SEV1 (the old behaviour)', recs([[900, 'up']]), { 'health-failed-brief': 'sev1' }, [['health-failed-brief', 'sev1']]],
    ['health-failed switched off: the brief rule is off too', recs([[900, 'up']]), { 'health-failed': 'off' }, []],
    ['health-failed-brief switched off: a long downtime is still SEV1', recs([[1800, 'up'], [900, 'down']]), { 'health-failed-brief': 'off' }, [['health-failed', 'sev1']]],
  ] as const)('%s', (_name, records, severity, expected) => {
    const e = judge(records ? [...records] : undefined, severity);
    expect(e.findings.filter((f) => f.check === 'health').map((f) => [f.rule, f.severity])).toEqual(expected);
    // Evaluated either way: the incident counts the run.
    expect(e.observed).toContain('production:health:api');
  });

  it('health-failed-brief switched off: no finding on the first failed run, and the run is not evidence of a pass', () => {
    // A failing probe must never count as a passing run: with the probe failing and no finding, an
    // open health incident (SEV1 earlier, one up run since) would close on this run while the API is down.
    const e = judge(recs([[1800, 'down'], [900, 'up']]), { 'health-failed-brief': 'off' });
    expect(e.findings.filter((f) => f.check === 'health')).toEqual([]);
    expect(e.observed).not.toContain('production:health:api');
  });

  it.each([
    ['health-failed lowered to SEV3: the brief failure is not more severe than a long one', { 'health-failed': 'sev3' }, 'sev3'],
    ['health-failed lowered to SEV4', { 'health-failed': 'sev4' }, 'sev4'],
    ['health-failed lowered to SEV2: brief stays SEV2', { 'health-failed': 'sev2' }, 'sev2'],
    ['both overridden, brief less severe: kept', { 'health-failed': 'sev2', 'health-failed-brief': 'sev3' }, 'sev3'],
  ] as const)('%s', (_name, severity, expected) => {
    const e = judge(recs([[900, 'up']]), severity);
    expect(e.findings.filter((f) => f.check === 'health').map((f) => [f.rule, f.severity])).toEqual([['health-failed-brief', expected]]);
  });

  it('the finding says what is known of the downtime', () => {
    expect(judge(recs([[900, 'up']])).findings[0]!.detail).toMatch(/the previous run passed, so the downtime is not yet known to exceed 1 (min|m)/);
    expect(judge(recs([[1800, 'up'], [900, 'down']])).findings[0]!.detail).toMatch(/failing on 2 runs in a row over 15 (min|m)/);
    expect(judge(undefined).findings[0]!.detail).not.toMatch(/previous run|in a row/);
  });

  it('a brief failure of an origin still folds that origin\'s findings: one outage, one finding, at the worst severity', () => {
    const e = judge(recs([[900, 'up']]), {}, { disk: 99 });
    expect(e.findings.map((f) => [f.fingerprint, f.rule, f.severity, f.related?.length ?? 0])).toEqual([['production:health:api', 'health-failed-brief', 'sev1', 1]]);
  });

  // Maintenance time is neither up nor down: a deploy that took the API down in its window has not
  // been "down over a minute" when the window ended seconds ago (5-minute runs).
  it.each([
    ['down in the window (ended 30 s ago) and now: down 30 s outside it, brief', windowAt(1800, 1770), [['health-failed-brief', 'sev2']]],
    ['down in the window (ended 4 min ago) and now: down 4 min outside it, SEV1', windowAt(1800, 1560), [['health-failed', 'sev1']]],
    ['a window elsewhere in time changes nothing', windowAt(7200, 600), [['health-failed', 'sev1']]],
  ] as const)('%s', (_name, maintenance, expected) => {
    const e = judge(recs([[600, 'up'], [300, 'down']], 5 * MIN), {}, undefined, [...maintenance]);
    expect(e.findings.filter((f) => f.check === 'health').map((f) => [f.rule, f.severity])).toEqual(expected);
  });
});
