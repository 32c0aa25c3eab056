import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentWorld } from '../helpers/incident-world.js';
import { parseRecords, recordLine, RUN_SCHEMA } from '../../src/history/record.js';
import { monthOf } from '../../src/history/files.js';

// The built dist/index.js as a scheduled run on main (the real schedule payload: its cron line
// only), against the fake GitHub: each run appends its record to the month's file on the data branch.
describe('run history from dist/', () => {
  let w: IncidentWorld;
  beforeEach(async () => {
    w = await new IncidentWorld().start();
  });
  afterEach(async () => {
    expect(w.gh.violations).toEqual([]);
    await w.stop();
  });

  it('each scheduled run appends one record to launchguard/history/<env>/<YYYY-MM>.jsonl; an older month\'s file stays as it was; a dry run appends nothing', async () => {
    const old = recordLine({ schema: RUN_SCHEMA, t: '2026-01-31T23:55:00.000Z', p: { api: [1, 9] } });
    w.gh.writeFile('launchguard-data', 'launchguard/history/production/2026-01.jsonl', old);
    const r1 = await w.run();
    w.up = false;
    const r2 = await w.run();
    await w.run({ inputs: { 'dry-run': 'true' } });
    const month = monthOf(Date.now());
    const path = `launchguard/history/production/${month}.jsonl`;
    expect(r1.summary).toContain(`history: recorded this run in ${path} on branch launchguard-data of acme/api`);
    expect(r2.code).toBe(0);
    const { records, skipped } = parseRecords(w.gh.readFile('launchguard-data', path)!);
    expect(skipped).toBe(0);
    expect(records).toHaveLength(2);
    for (const r of records) {
      expect(r).toMatchObject({ schema: RUN_SCHEMA, ev: 'schedule', c: '*/15 * * * *', i: 900_000 });
      // The tick it was scheduled for: the latest quarter hour at or before its start.
      const tick = Date.parse(r.sch!);
      expect(new Date(tick).getUTCMinutes() % 15).toBe(0);
      expect(Date.parse(r.t) - tick).toBeGreaterThanOrEqual(0);
      expect(Date.parse(r.t) - tick).toBeLessThan(900_000);
      expect(r.m).toEqual({ disk: 50 });
      expect(r.o).toContain('health:api');
    }
    expect(records[0]!.p).toEqual({ api: [1, expect.any(Number)] });
    expect(records[1]!.p).toEqual({ api: [0, expect.any(Number), 'status'] });
    expect(records[1]!.f).toEqual(['health:api']);
    // The first failed run seconds after an up run (within its cap): not yet known to last a minute.
    expect(records[1]!.w).toBe('sev2');
    expect(w.gh.readFile('launchguard-data', 'launchguard/history/production/2026-01.jsonl')).toBe(old);
  });

  it('a hand-edited month file: the bad line is named by file and line, the run goes on and appends its record after it', async () => {
    const path = `launchguard/history/production/${monthOf(Date.now())}.jsonl`;
    const good = recordLine({ schema: RUN_SCHEMA, t: new Date(Date.now() - 60_000).toISOString(), p: { api: [1, 9] } });
    w.gh.writeFile('launchguard-data', path, `{"schema":"launchguard.run/v1", oops\n${good}`);
    const r = await w.run();
    expect(r.code).toBe(0);
    expect(r.summary).toContain(`1 unreadable record skipped in branch launchguard-data of acme/api (${path} line 1)`);
    const { records, skipped } = parseRecords(w.gh.readFile('launchguard-data', path)!);
    expect([records.length, skipped]).toEqual([2, 1]);
  });

  it('history.record: false records nothing and says so', async () => {
    const r = await w.run({ config: `${w.config()}    history: { record: false }\n` });
    expect(r.summary).toContain('history: this run is not recorded (history.record is false for this environment)');
    expect([...(w.gh.filesOf('launchguard-data')?.keys() ?? [])].filter((p) => p.startsWith('launchguard/history/'))).toEqual([]);
  });

  it('with slo: the availability and budget from the records on the branch, a fast burn opened as a SEV2 incident, the summary\'s history rows', async () => {
    // Twelve earlier runs 15 minutes apart, the last two down; this run is up.
    const now = Date.now();
    const byMonth = new Map<string, string>();
    for (let k = 12; k >= 1; k--) {
      const t = now - k * 15 * 60_000;
      const line = recordLine({ schema: RUN_SCHEMA, t: new Date(t).toISOString(), ev: 'schedule', c: '*/15 * * * *', i: 900_000, p: { api: k <= 2 ? [0, 3, 'status'] : [1, 3] } });
      byMonth.set(monthOf(t), (byMonth.get(monthOf(t)) ?? '') + line);
    }
    for (const [m, text] of byMonth) w.gh.writeFile('launchguard-data', `launchguard/history/production/${m}.jsonl`, text);
    const r = await w.run({ config: `${w.config()}    slo: { availability: 99.9%, window: 30d }\n` });
    expect(r.code).toBe(0);
    // 150 min up, 30 min (and the seconds this run took to start) down: 83.3 %.
    const availability = Number(r.outputs.availability);
    expect(availability).toBeGreaterThan(83);
    expect(availability).toBeLessThanOrEqual(83.33);
    // 43.2 min allowed, a little over 30 min spent.
    expect(Number(r.outputs['error-budget-remaining'])).toBeGreaterThan(29);
    expect(Number(r.outputs['error-budget-remaining'])).toBeLessThanOrEqual(30.56);
    expect(r.summary).toContain('### history');
    expect(r.summary).toMatch(/\| slo: availability \| 83\.\d\d % over 30 d: 2 h 30 min up, 30 min( \d+ s)? down/);
    expect(r.summary).toMatch(/\| slo: burn rate \| 1 h \d+× · 6 h \d+× · 24 h \d+× · 3 d \d+×/);
    expect(r.summary).toContain('| cadence | median 15 min');
    expect(w.gh.issues.map((i) => i.title)).toEqual(['[SEV2] production: SLO error budget of the environment burning fast']);
    expect(w.gh.issues[0]!.body).toContain('<!-- launchguard:fingerprint=production:history:slo-fast-burn -->');
  });
});
