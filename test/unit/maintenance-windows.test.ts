import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { inMaintenance, maintenanceAt } from '../../src/suppression/windows.js';
import { zonedInstant } from '../../src/suppression/zoned.js';

// The windows are computed from the zone's rules (Intl): each case is an instant in UTC and
// whether it falls inside the window, around midnight and the DST changes of 2026.
const config = (maintenance: unknown[]) => configSchema.parse({ environments: { production: {}, staging: {} }, maintenance });
const at = (iso: string) => new Date(iso);

const berlinSunday = { name: 'weekly-deploy', every: ['sunday'], start: '02:00', duration: '1h', timezone: 'Europe/Berlin' };

describe('zonedInstant: a local wall time to an instant, by Intl', () => {
  it.each([
    ['Berlin in winter (CET, +1)', 2026, 1, 15, 2, 0, 'Europe/Berlin', '2026-01-15T01:00:00.000Z'],
    ['Berlin in summer (CEST, +2)', 2026, 7, 15, 2, 0, 'Europe/Berlin', '2026-07-15T00:00:00.000Z'],
    ['Berlin, a time the spring change skips: moved forward by the gap (03:30 CEST)', 2026, 3, 29, 2, 30, 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    ['Berlin, a time the autumn change shows twice: the earlier (CEST)', 2026, 10, 25, 2, 30, 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['New York, skipped at the spring change: 02:30 is 03:30 EDT', 2026, 3, 8, 2, 30, 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['New York, shown twice at the autumn change: the earlier (EDT)', 2026, 11, 1, 1, 30, 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['UTC', 2026, 12, 31, 23, 59, 'UTC', '2026-12-31T23:59:00.000Z'],
  ] as const)('%s', (_name, y, mo, d, h, mi, tz, expected) => {
    expect(new Date(zonedInstant(y, mo, d, h, mi, tz)).toISOString()).toBe(expected);
  });
});

describe('maintenanceAt: which windows run at an instant', () => {
  it.each([
    // Sunday 02:00–03:00 Berlin, an ordinary winter and summer week.
    ['Berlin Sunday 02:00 CET: inside from its first instant', [berlinSunday], '2026-01-18T01:00:00Z', true],
    ['Berlin Sunday 02:59:59 CET: inside', [berlinSunday], '2026-01-18T01:59:59Z', true],
    ['Berlin Sunday 03:00 CET: outside (the end is exclusive)', [berlinSunday], '2026-01-18T02:00:00Z', false],
    ['Berlin Sunday 01:59 CET: outside', [berlinSunday], '2026-01-18T00:59:00Z', false],
    ['Berlin Saturday 02:30: not a window day', [berlinSunday], '2026-01-17T01:30:00Z', false],
    ['Berlin summer Sunday 02:30 CEST (00:30Z): inside', [berlinSunday], '2026-07-19T00:30:00Z', true],
    ['Berlin summer Sunday 01:30Z (03:30 CEST): outside; adding hours to UTC would say inside', [berlinSunday], '2026-07-19T01:30:00Z', false],
    // 2026-03-29: 02:00 does not exist in Berlin; the window starts at 03:00 CEST (01:00Z) and lasts 1 h.
    ['Berlin spring change: 01:00Z (03:00 CEST) inside', [berlinSunday], '2026-03-29T01:00:00Z', true],
    ['Berlin spring change: 01:59Z (03:59 CEST) inside', [berlinSunday], '2026-03-29T01:59:00Z', true],
    ['Berlin spring change: 00:30Z (01:30 CET) outside', [berlinSunday], '2026-03-29T00:30:00Z', false],
    ['Berlin spring change: 02:00Z (04:00 CEST) outside', [berlinSunday], '2026-03-29T02:00:00Z', false],
    // 2026-10-25: 02:00 is shown twice; the window starts at the first (CEST, 00:00Z) and lasts 1 h of elapsed time.
    ['Berlin autumn change: 00:00Z (02:00 CEST) inside', [berlinSunday], '2026-10-25T00:00:00Z', true],
    ['Berlin autumn change: 00:59Z inside', [berlinSunday], '2026-10-25T00:59:00Z', true],
    ['Berlin autumn change: 01:00Z (02:00 CET, the second 02:00) outside: one hour has passed', [berlinSunday], '2026-10-25T01:00:00Z', false],
    // New York, Saturday 23:00 for 4 h: crosses midnight, and the spring change on Sunday 2026-03-08.
    ['New York Saturday 23:00 EST (04:00Z Sunday): inside', [{ name: 'ny', every: ['saturday'], start: '23:00', duration: '4h', timezone: 'America/New_York' }], '2026-03-08T04:00:00Z', true],
    ['New York Sunday 03:30 EDT (07:30Z): began the previous day, still running', [{ name: 'ny', every: ['saturday'], start: '23:00', duration: '4h', timezone: 'America/New_York' }], '2026-03-08T07:30:00Z', true],
    ['New York Sunday 04:00 EDT (08:00Z): 4 h elapsed, over', [{ name: 'ny', every: ['saturday'], start: '23:00', duration: '4h', timezone: 'America/New_York' }], '2026-03-08T08:00:00Z', false],
    ['New York autumn change, Sunday 01:30 for 1h: starts at the first 01:30 (EDT, 05:30Z)', [{ name: 'ny', every: ['sunday'], start: '01:30', duration: '1h', timezone: 'America/New_York' }], '2026-11-01T05:30:00Z', true],
    ['New York autumn change: 06:30Z (the second 01:30, EST) is past the hour', [{ name: 'ny', every: ['sunday'], start: '01:30', duration: '1h', timezone: 'America/New_York' }], '2026-11-01T06:30:00Z', false],
    // Crossing midnight in UTC, and a window longer than a day.
    ['Friday 22:00 UTC for 3h: Saturday 00:30 inside', [{ name: 'late', every: ['friday'], start: '22:00', duration: '3h' }], '2026-11-28T00:30:00Z', true],
    ['Friday 22:00 UTC for 3h: Saturday 01:00 outside', [{ name: 'late', every: ['friday'], start: '22:00', duration: '3h' }], '2026-11-28T01:00:00Z', false],
    ['Monday 00:00 for 2d: Tuesday 23:59 inside', [{ name: 'long', every: ['monday'], start: '00:00', duration: '2d' }], '2026-11-24T23:59:00Z', true],
    ['Monday 00:00 for 2d: Wednesday 00:00 outside', [{ name: 'long', every: ['monday'], start: '00:00', duration: '2d' }], '2026-11-25T00:00:00Z', false],
    // One-off windows: an instant with its offset.
    ['one-off 2026-12-03T22:00Z for 3h: 2026-12-04T00:59Z inside', [{ name: 'migration', start: '2026-12-03T22:00:00Z', duration: '3h' }], '2026-12-04T00:59:00Z', true],
    ['one-off: 2026-12-04T01:00Z outside', [{ name: 'migration', start: '2026-12-03T22:00:00Z', duration: '3h' }], '2026-12-04T01:00:00Z', false],
    ['one-off: before it starts, outside', [{ name: 'migration', start: '2026-12-03T22:00:00Z', duration: '3h' }], '2026-12-03T21:59:59Z', false],
    ['one-off with an offset: 23:00+01:00 is 22:00Z', [{ name: 'm', start: '2026-12-03T23:00:00+01:00', duration: '1h' }], '2026-12-03T22:30:00Z', true],
    ['environments: [staging] does not hold production', [{ ...berlinSunday, environments: ['staging'] }], '2026-01-18T01:30:00Z', false],
    ['environments: [production] holds production', [{ ...berlinSunday, environments: ['production'] }], '2026-01-18T01:30:00Z', true],
  ] as const)('%s', (_name, windows, instant, expected) => {
    expect(inMaintenance(config([...windows]), 'production', at(instant))).toBe(expected);
  });

  it('names the occurrence running, with its start and end', () => {
    expect(maintenanceAt(config([berlinSunday, { name: 'migration', start: '2026-12-03T22:00:00Z', duration: '3h' }]), 'production', at('2026-03-29T01:30:00Z'))).toEqual([
      { name: 'weekly-deploy', start: '2026-03-29T01:00:00.000Z', end: '2026-03-29T02:00:00.000Z', timezone: 'Europe/Berlin' },
    ]);
  });

  it('no windows: never in maintenance', () => {
    expect(inMaintenance(configSchema.parse({ environments: { production: {} } }), 'production', at('2026-01-18T01:30:00Z'))).toBe(false);
  });
});
