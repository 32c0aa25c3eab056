import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/client.js';
import { LocalRunStore } from '../../src/history/local-store.js';
import { parseOptions } from '../../src/options.js';
import { runPipeline } from '../../src/pipeline.js';
import { systemClock, type Clock } from '../../src/ports.js';
import { Redactor } from '../../src/report/redact.js';
import { httpServer, json, type Running } from '../helpers/servers.js';

/**
 * A scripted timeline of scheduled runs (*\/15 cron), through the whole pipeline with a fake clock,
 * a real target on 127.0.0.1 whose state the script sets, and the CLI's run history in a folder.
 */
type Step = readonly [time: string, up: boolean, cpu: number, counter: number, findings: readonly string[]];
const SLOW = 'history:slo-slow-burn';
const FAST = 'history:slo-fast-burn';
const TIMELINE: readonly Step[] = [
  ['00:00', true, 40, 100, []],
  ['00:15', true, 40, 101, []],
  ['00:30', true, 40, 102, []],
  ['00:45', true, 40, 103, []],
  ['01:00', true, 40, 104, []],
  // An outage of two runs: the probe's SEV1 at once; the fast burn once the 1 h window holds down time and this run confirms it.
  ['01:15', false, 40, 105, ['health:api']],
  ['01:30', false, 40, 106, ['health:api', FAST]],
  // Up again: the 1 h rule is not confirmed by this run, the 6 h rule is (the runs of the last 30 min: 2 of 3 down).
  ['01:45', true, 40, 107, [FAST]],
  // A CPU spike of one run, shorter than for: 10m: no finding.
  ['02:00', true, 90, 108, [FAST]],
  // The last 30 minutes are clean: no fast burn; the 3 d rule, confirmed over the last 6 h, is a ticket.
  ['02:15', true, 40, 109, [SLOW]],
  ['02:30', true, 90, 110, [SLOW]],
  // Over 80 % on two runs 15 minutes apart: held for 15 min ≥ 10 min.
  ['02:45', true, 95, 111, ['metrics:cpu', SLOW]],
  // The counter climbs by 5 in 15 minutes: 20 per hour, over 10.
  ['03:00', true, 40, 116, ['metrics:ai-failures', SLOW]],
  ['03:15', true, 40, 117, [SLOW]],
  // A 2-hour gap: a note (the first in a day); the rate is not judged across it.
  ['05:15', true, 40, 118, [SLOW]],
  ['05:30', true, 40, 119, [SLOW]],
  ['05:45', true, 40, 120, [SLOW]],
  // Another 2-hour gap within 24 h: SEV4. The down runs are now over 6 h old: no slow burn.
  ['07:45', true, 40, 121, ['history:schedule-gap']],
];

describe('a scripted timeline of runs', () => {
  let target: Running;
  let state = { up: true, cpu: 0, counter: 0 };
  beforeAll(async () => {
    target = await httpServer((q, res) => {
      if (q.url === '/system') return json(res, 200, { cpu: state.cpu });
      if (q.url === '/usage') return json(res, 200, { ai: { failures_total: state.counter } });
      json(res, state.up ? 200 : 503, {});
    });
  });
  afterAll(() => target.close());

  it('gives exactly the expected findings run by run, availability to 0.01 % and the unobserved time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lg-timeline-'));
    writeFileSync(join(dir, 'lg.yml'), `environments:
  production:
    url: ${target.url}
    health: [{ name: api, path: /health, retries: 0 }]
    metrics:
      system: { path: /system, cpu: { field: cpu } }
      usage: { path: /usage }
      thresholds:
        - { name: ai-failures, source: usage, field: ai.failures_total, rate: per-hour, levels: [{ above: 10, severity: sev3 }] }
    slo: { availability: 99.9%, window: 30d }
`);
    const store = new LocalRunStore(join(dir, 'history'));
    const seen: [string, string[]][] = [];
    let last;
    for (const [time, up, cpu, counter] of TIMELINE) {
      state = { up, cpu, counter };
      const now = new Date(`2026-11-02T${time}:07.000Z`); // GitHub starts the run 7 s after its tick
      const clock: Clock = { now: () => now, monotonic: () => 0, sleep: async () => {} };
      const outcome = await runPipeline(parseOptions((n) => ({ config: join(dir, 'lg.yml'), 'fail-on': 'none' })[n] ?? '', join(dir, 'report.json')), {
        clock,
        createHttp: (tls) => createHttpClient(systemClock, tls),
        env: {},
        redactor: new Redactor(),
        runStore: async () => store,
        start: { event: 'schedule', cron: '*/15 * * * *' },
      });
      await store.append('production', outcome.runRecord);
      seen.push([time, outcome.report.findings.map((f) => f.fingerprint.replace('production:', '')).sort()]);
      last = outcome.report;
    }
    expect(seen).toEqual(TIMELINE.map(([time, , , , findings]) => [time, [...findings].sort()]));
    // 00:00–03:15: 14 runs of 15 min, 2 down; 03:15 and 05:45 stand 30 min (twice the cron's 15) before each gap.
    // Up 11 × 15 + 30 + 2 × 15 + 30 = 255 min, down 30 min, unobserved 2 × 90 min.
    const slo = last!.facts!.history!.slo!;
    expect((Math.floor(slo.availabilityPct! * 100) / 100).toFixed(2)).toBe('89.47');
    expect((Math.floor(slo.budgetRemainingPct * 100) / 100).toFixed(2)).toBe('30.55');
    const row = last!.rows.find((r) => r.subject === 'slo: availability')!;
    expect(row.value).toBe('89.47 % over 30 d: 4 h 15 min up, 30 min 0 s down; 3 h 0 min unobserved (not counted as up) (history from 2026-11-02T00:00Z)');
    expect(last!.notes.join('\n')).not.toContain('no run for');
    expect(last!.findings.find((f) => f.rule === 'schedule-gap')!.detail).toContain('no run for 2 h 0 min since 2026-11-02T05:45:07.000Z');
  }, 120_000);
});
