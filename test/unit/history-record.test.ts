import { describe, expect, it } from 'vitest';
import { parseRecords, recordLine, RUN_SCHEMA, type RunRecord } from '../../src/history/record.js';
import { appendLine, currentPart, environmentFolder, monthOf, monthsBetween, parsePartName, partName, partsToRead } from '../../src/history/files.js';
import { recordOf } from '../../src/history/build.js';
import { runHistoryDecision } from '../../src/history/policy.js';
import { scheduleOf } from '../../src/history/cron.js';
import { skippedNote } from '../../src/history/read.js';
import { environmentSchema } from '../../src/config/schema.js';

const rec = (t: string, extra: Partial<RunRecord> = {}): RunRecord => ({ schema: RUN_SCHEMA, t, ...extra });

describe('run records: the reader', () => {
  it.each([
    ['a v1 record', JSON.stringify(rec('2026-11-01T00:00:00.000Z', { p: { api: [1, 12] } })), 1, 0, []],
    ['a down probe with its class', JSON.stringify(rec('2026-11-01T00:00:00.000Z', { p: { api: [0, 5000, 'timeout'] } })), 1, 0, []],
    ['a v1 record with keys a later version added', JSON.stringify({ ...rec('2026-11-01T00:00:00.000Z'), zz: 1 }), 1, 0, []],
    ['not JSON (a torn write)', '{"schema":"launchguard.run/v1","t":', 0, 1, []],
    ['a version this code does not know', JSON.stringify({ schema: 'launchguard.run/v9', t: 'x' }), 0, 1, ['launchguard.run/v9']],
    ['v1 with a bad time', JSON.stringify({ schema: RUN_SCHEMA, t: 'yesterday' }), 0, 1, []],
    ['v1 with a down probe without its class', JSON.stringify(rec('2026-11-01T00:00:00.000Z', { p: { api: [0, 1] as never } })), 0, 1, []],
    ['a schema named like an Object property', JSON.stringify({ schema: 'constructor', t: 'x' }), 0, 1, ['constructor']],
  ])('%s', (_, line, n, skipped, unknown) => {
    const r = parseRecords(`${line}\n\n`);
    expect([r.records.length, r.skipped, r.unknownSchemas]).toEqual([n, skipped, unknown]);
  });

  it('reads every line of a file, in order, and one bad line does not lose the others', () => {
    const text = [recordLine(rec('2026-11-01T00:00:00.000Z')), 'garbage\n', recordLine(rec('2026-11-01T00:05:00.000Z'))].join('');
    const r = parseRecords(text);
    expect(r.records.map((x) => x.t)).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-01T00:05:00.000Z']);
    expect(r.skipped).toBe(1);
  });
});

describe('run records: files by environment and month', () => {
  it.each([
    ['2026-11', 1, '2026-11.jsonl'],
    ['2026-11', 2, '2026-11.2.jsonl'],
  ])('part name %s/%i', (month, part, name) => {
    expect(partName(month, part)).toBe(name);
    expect(parsePartName(name)).toEqual({ month, part, name });
  });
  it.each(['prod.json', '2026-11.jsonl.tmp', '2026-1.jsonl', '2026-11.0.jsonl', 'x2026-11.jsonl'])('%s is no part', (n) => {
    expect(parsePartName(n)).toBeUndefined();
  });
  it('months are UTC, and a span lists every month it touches', () => {
    expect(monthOf(Date.parse('2026-11-30T23:59:59.999Z'))).toBe('2026-11');
    expect(monthOf(Date.parse('2026-12-01T00:00:00.000Z'))).toBe('2026-12');
    expect(monthsBetween(Date.parse('2026-11-20T00:00:00Z'), Date.parse('2027-01-02T00:00:00Z'))).toEqual(['2026-11', '2026-12', '2027-01']);
  });
  it('reads the parts of the months in the span, in time order, and appends to the month\'s last part', () => {
    const names = ['2026-12.jsonl', '2026-10.jsonl', '2026-11.2.jsonl', '2026-11.jsonl', 'README.md', '2026-11.10.jsonl'];
    expect(partsToRead(names, Date.parse('2026-11-05T00:00:00Z'), Date.parse('2026-12-02T00:00:00Z')).map((p) => p.name)).toEqual(['2026-11.jsonl', '2026-11.2.jsonl', '2026-11.10.jsonl', '2026-12.jsonl']);
    expect(currentPart(names, '2026-11')).toBe(10);
    expect(currentPart(names, '2027-01')).toBe(1);
  });
  it('the size guard: a line that would take a part past its limit goes to the next part; an empty part always takes one', () => {
    expect(appendLine(undefined, 'a\n', 3)).toBe('a\n');
    expect(appendLine('a\n', 'b\n', 4)).toBe('a\nb\n');
    expect(appendLine('a\n', 'b\n', 3)).toBeUndefined();
    expect(appendLine('', 'too long\n', 3)).toBe('too long\n');
    expect(appendLine('a', 'b\n', 10)).toBe('a\nb\n');
    // Bytes, not characters: 'é' is two bytes in UTF-8, so 'é\nb\n' is five.
    expect(appendLine('é\n', 'b\n', 4)).toBeUndefined();
    expect(appendLine('é\n', 'b\n', 5)).toBe('é\nb\n');
  });
  it('the environment folder uses the baseline\'s file-name rule', () => {
    expect(environmentFolder('launchguard/history', 'prod/eu')).toBe('launchguard/history/prod_eu');
  });
  it('a month of 5-minute records with probes, metrics and fingerprints fits in few parts of 900 KB', () => {
    const line = recordLine(rec('2026-11-01T00:00:00.000Z', {
      ev: 'schedule', c: '*/5 * * * *', sch: '2026-11-01T00:00:00.000Z', i: 300_000,
      p: { api: [1, 123], login: [1, 80] }, m: { cpu: 45.5, memory: 61.25 },
      o: ['health:api', 'health:login', 'metrics:cpu', 'metrics:memory', 'slo:availability'],
    }));
    const parts = Math.ceil((8928 * Buffer.byteLength(line)) / (900 * 1024));
    expect(Buffer.byteLength(line)).toBeLessThan(330);
    expect(parts).toBeLessThanOrEqual(3);
  });
});

describe('a run as its record', () => {
  const config = environmentSchema.parse({ metrics: { system: { path: '/m', cpu: { field: 'cpu', unit: 'fraction' }, memory: { field: 'mem' } } } });
  it('keeps each probe, each readable metric in its unit, the load, the fingerprints without the environment, and the schedule', () => {
    const r = recordOf({
      environment: 'production',
      startedAt: '2026-11-01T00:07:12.000Z',
      results: {
        health: [
          { name: 'api', method: 'GET', url: 'http://x/h', attempts: 1, status: 200, latencyMs: 12.4, assertions: [] },
          { name: 'login', method: 'GET', url: 'http://x/l', attempts: 3, latencyMs: 5000, failure: { class: 'timeout', message: 'x' }, assertions: [] },
        ],
        metrics: [{ source: 'system', url: 'http://x/m', attempts: 1, latencyMs: 3, json: { cpu: 0.915, mem: 'n/a' } }],
      },
      config,
      observed: ['production:health:api', 'production:health:login', 'production:metrics:cpu'],
      failing: ['production:health:login', 'production:health:login'],
      worstSeverity: 'sev1',
      event: 'schedule',
      schedule: { cron: '*/5 * * * *', scheduledAt: Date.parse('2026-11-01T00:05:00.000Z'), intervalMs: 300_000 },
    });
    expect(r).toEqual({
      schema: RUN_SCHEMA, t: '2026-11-01T00:07:12.000Z', ev: 'schedule', c: '*/5 * * * *', sch: '2026-11-01T00:05:00.000Z', i: 300_000,
      p: { api: [1, 12], login: [0, 5000, 'timeout'] }, m: { cpu: 91.5 },
      o: ['health:api', 'health:login', 'metrics:cpu'], f: ['health:login'], w: 'sev1',
    });
    expect(parseRecords(recordLine(r)).records).toEqual([r]);
  });
});

describe('a hostile target cannot grow a record', () => {
  it('at most 100 fingerprints of each kind, the history\'s own first', () => {
    const alerts = Array.from({ length: 5000 }, (_, k) => `production:metrics:alert-a${k}`);
    const r = recordOf({
      environment: 'production', startedAt: '2026-11-01T00:00:00.000Z', results: {}, config: environmentSchema.parse({}),
      observed: [...alerts, 'production:history:schedule-gap'], failing: [...alerts, 'production:history:schedule-gap'], worstSeverity: 'sev2',
    });
    expect([r.o!.length, r.f!.length]).toEqual([100, 100]);
    expect(r.f![0]).toBe('history:schedule-gap');
    expect(Buffer.byteLength(recordLine(r))).toBeLessThan(6000);
  });

  it('long fingerprints (alerts slugged from their 60-character messages, long collection names) still make a small record', () => {
    const alerts = Array.from({ length: 500 }, (_, k) => `production:metrics:alert-${'disk-usage-on-volume-data-is-above-the-warning-level-'.slice(0, 52)}${String(k).padStart(8, '0')}`);
    const collections = Array.from({ length: 500 }, (_, k) => `production:indexes:${'tenant_events_archive_'.repeat(5)}${k}`);
    const r = recordOf({
      environment: 'production', startedAt: '2026-11-01T00:00:00.000Z', results: {}, config: environmentSchema.parse({}),
      observed: [...collections, 'production:history:schedule-gap'], failing: ['production:history:schedule-gap', ...alerts], worstSeverity: 'sev2',
    });
    expect(Buffer.byteLength(recordLine(r))).toBeLessThan(6000);
    expect(r.f![0]).toBe('history:schedule-gap');
    expect(r.o).toContain('history:schedule-gap');
  });
});

describe('record this run?', () => {
  const base = { enabled: true, mode: 'monitor' as const, event: 'schedule', dryRun: false, isShard: false };
  it.each([
    ['a scheduled monitor run', base, true],
    ['history.record: false', { ...base, enabled: false }, false],
    ['a merge run', { ...base, mode: 'merge' as const }, false],
    ['gate mode', { ...base, mode: 'gate' as const }, false],
    ['a dry run', { ...base, dryRun: true }, false],
    ['a shard', { ...base, isShard: true }, false],
    ['a push to another branch', { ...base, event: 'push', ref: 'refs/heads/feature', defaultBranch: 'main' }, false],
    ['a push to the default branch', { ...base, event: 'push', ref: 'refs/heads/main', defaultBranch: 'main' }, true],
    ['the CLI', { enabled: true, mode: 'monitor' as const, dryRun: false, isShard: false }, true],
  ])('%s', (_, input, record) => {
    expect(runHistoryDecision(input).record).toBe(record);
  });
});

describe('the schedule of a run, from the payload\'s cron (cron-parser, UTC)', () => {
  it.each([
    ['*/15 * * * *', '2026-11-29T08:17:34.000Z', '2026-11-29T08:15:00.000Z', 900_000],
    ['*/15 * * * *', '2026-11-29T08:15:00.000Z', '2026-11-29T08:15:00.000Z', 900_000],
    ['*/5 * * * *', '2026-11-29T09:01:00.000Z', '2026-11-29T09:00:00.000Z', 300_000],
    ['0 9 * * 1-5', '2026-11-28T10:00:00.000Z', '2026-11-27T09:00:00.000Z', 3 * 86_400_000],
    ['30 2 * * *', '2026-11-29T03:00:00.000Z', '2026-11-29T02:30:00.000Z', 86_400_000],
  ])('%s at %s: scheduled %s, interval %i ms', (cron, at, tick, interval) => {
    expect(scheduleOf(cron, Date.parse(at))).toEqual({ cron, scheduledAt: Date.parse(tick), intervalMs: interval });
  });
  it('a cron that does not parse gives itself only', () => {
    expect(scheduleOf('every 5 minutes', 0)).toEqual({ cron: 'every 5 minutes' });
  });
});

describe('run records: the note for unreadable lines', () => {
  const bad = (n: number) => Array.from({ length: n }, (_, i) => ({ file: 'launchguard/history/prod/2026-11.jsonl', line: i + 2 }));
  it.each([
    ['none', { skipped: 0, bad: [], unknownSchemas: [] }, undefined],
    ['one torn line, named by file and line', { skipped: 1, bad: bad(1), unknownSchemas: [] },
      'history: 1 unreadable record skipped in branch d (launchguard/history/prod/2026-11.jsonl line 2); judged with the other records'],
    ['many: five named, the rest counted; newer versions named', { skipped: 7, bad: bad(7), unknownSchemas: ['launchguard.run/v9'] },
      'history: 7 unreadable records skipped in branch d (launchguard/history/prod/2026-11.jsonl line 2, launchguard/history/prod/2026-11.jsonl line 3, launchguard/history/prod/2026-11.jsonl line 4, launchguard/history/prod/2026-11.jsonl line 5, launchguard/history/prod/2026-11.jsonl line 6 and 2 more); written by a newer launchguard: launchguard.run/v9; judged with the other records'],
  ])('%s', (_, read, note) => {
    expect(skippedNote(read, 'branch d')).toBe(note);
  });

  it('the reader gives the line numbers (from 1) of the lines it skipped', () => {
    const text = [recordLine(rec('2026-11-01T00:00:00.000Z')), '\n', 'garbage\n', recordLine(rec('2026-11-01T00:05:00.000Z')), '{"schema":"launchguard.run/v9"}\n'].join('');
    expect(parseRecords(text).badLines).toEqual([3, 5]);
  });
});
