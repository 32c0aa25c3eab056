import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { parseConfigText } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { globMatch } from '../../src/suppression/silences.js';
import { markSuppressed, suppressionAt, suppressionOf } from '../../src/suppression/suppress.js';
import type { Finding } from '../../src/core/types.js';

describe('globMatch: * only, no regex', () => {
  it.each([
    ['production:load:*', 'production:load:checkout:p95', true],
    ['production:load:*', 'production:health:api', false],
    ['production:load:*', 'staging:load:checkout:p95', false],
    ['*:load:*', 'staging:load:checkout:p95', true],
    ['*', 'anything', true],
    ['*', '', true],
    ['production:health:api', 'production:health:api', true],
    ['production:health:api', 'production:health:api2', false],
    ['production:*:api', 'production:health:api', true],
    ['production:*:api', 'production:health:api:x', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
    ['a*a', 'a', false],
    ['a**b', 'ab', true],
    // Regex characters are plain text here.
    ['production:metrics:alert:.*', 'production:metrics:alert:x', false],
    ['production:metrics:alert:(a|b)', 'production:metrics:alert:(a|b)', true],
    ['production:?:x', 'production:h:x', false],
  ] as const)('%s against %s: %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });

  it('is linear on a hostile fingerprint: many stars over a long text without a match', () => {
    const pattern = `${'a*'.repeat(100)}b`;
    const text = 'a'.repeat(200_000);
    expect(globMatch(pattern, text)).toBe(false); // a backtracking matcher would not finish
  });
});

const config = (silences: unknown[], maintenance: unknown[] = []) => configSchema.parse({ environments: { production: {} }, silences, maintenance });
const finding = (fingerprint: string): Finding => ({ fingerprint, environment: 'production', check: 'load', subject: 'x', rule: 'load-p95', severity: 'sev3', title: 't', detail: 'd' });
const sale = { match: 'production:load:*', until: '2026-12-10', reason: 'load tests paused during the sale' };

describe('silences: until, expiry and which finding they hold', () => {
  it.each([
    ['a bare date holds through the end of that day, UTC', '2026-12-10T23:59:59Z', true],
    ['the next day at 00:00 UTC it has expired', '2026-12-11T00:00:00Z', false],
    ['long before', '2026-11-29T08:00:00Z', true],
  ] as const)('%s', (_name, now, active) => {
    const s = suppressionAt(config([sale]), 'production', new Date(now))!;
    expect(s.silences.length).toBe(active ? 1 : 0);
    expect(s.expiredSilences.length).toBe(active ? 0 : 1);
    expect(suppressionOf(s, 'production:load:checkout:p95')).toEqual(active ? { kind: 'silence', match: sale.match, until: '2026-12-10', reason: sale.reason } : undefined);
  });

  it('an instant with its offset ends at that instant', () => {
    const c = config([{ ...sale, until: '2026-12-10T18:00:00+01:00' }]);
    expect(suppressionAt(c, 'production', new Date('2026-12-10T16:59:59Z'))!.silences).toHaveLength(1);
    expect(suppressionAt(c, 'production', new Date('2026-12-10T17:00:00Z'))!.expiredSilences).toEqual([{ match: sale.match, until: '2026-12-10T18:00:00+01:00', endsAt: '2026-12-10T17:00:00.000Z', reason: sale.reason }]);
  });

  it('marks only the findings it matches; a maintenance window holds every finding of the environment, and names itself first', () => {
    const now = new Date('2026-12-04T00:00:00Z');
    const silenced = markSuppressed([finding('production:load:a:p95'), finding('production:health:api')], suppressionAt(config([sale]), 'production', now));
    expect(silenced.map((f) => f.suppressed?.kind)).toEqual(['silence', undefined]);
    const both = suppressionAt(config([sale], [{ name: 'migration', start: '2026-12-03T22:00:00Z', duration: '3h' }]), 'production', now);
    expect(markSuppressed([finding('production:load:a:p95'), finding('production:health:api')], both).map((f) => f.suppressed)).toEqual([
      { kind: 'maintenance', window: 'migration', until: '2026-12-04T01:00:00.000Z' },
      { kind: 'maintenance', window: 'migration', until: '2026-12-04T01:00:00.000Z' },
    ]);
  });

  it('no windows and no silences: no suppression state at all', () => {
    expect(suppressionAt(configSchema.parse({ environments: { production: {} } }), 'production', new Date())).toBeUndefined();
  });
});

function problems(text: string): string {
  try {
    parseConfigText(text, 'lg.yml', {});
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}
const head = 'environments:\n  production: {}\n';

describe('config: maintenance and silences, one clear sentence each', () => {
  it('parses the issue\'s example', () => {
    const { config: c } = parseConfigText(`${head}maintenance:
  - { name: weekly-deploy, every: [sunday], start: "02:00", duration: 1h, timezone: Europe/Berlin }
  - { name: migration, start: 2026-12-03T22:00:00Z, duration: 3h }
silences:
  - { match: "production:load:*", until: 2026-12-10, reason: "load tests paused during the sale" }
`, 'lg.yml', {});
    expect(c.maintenance).toEqual([
      { kind: 'weekly', name: 'weekly-deploy', every: ['sunday'], start: '02:00', hour: 2, minute: 0, timezone: 'Europe/Berlin', durationMs: 3_600_000 },
      { kind: 'once', name: 'migration', start: '2026-12-03T22:00:00Z', startMs: Date.parse('2026-12-03T22:00:00Z'), durationMs: 10_800_000 },
    ]);
    expect(c.silences).toEqual([{ ...sale, untilMs: Date.parse('2026-12-11T00:00:00Z') }]);
  });

  it('the README\'s example block is a valid config', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('\n## Maintenance windows and silences\n'));
    const block = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const { config: c } = parseConfigText(`${head}${block}`, 'README.md', {});
    expect(c.maintenance?.map((w) => w.kind)).toEqual(['weekly', 'once']);
    expect(c.silences).toHaveLength(1);
  });

  it.each([
    ['an unknown time zone', '{ name: w, every: [sunday], start: "02:00", duration: 1h, timezone: Europe/Berlinn }', /maintenance\[0\]\.timezone.*IANA time zone/],
    ['a weekday in another case', '{ name: w, every: [Sunday], start: "02:00", duration: 1h }', /maintenance\[0\]\.every\[0\]: expected one of "sunday".*found "Sunday"/],
    ['a time that is not HH:MM', '{ name: w, every: [sunday], start: "2:00", duration: 1h }', /maintenance\[0\]\.start.*"HH:MM"/],
    ['24:00', '{ name: w, every: [sunday], start: "24:00", duration: 1h }', /maintenance\[0\]\.start.*"HH:MM"/],
    ['a one-off start without its offset', '{ name: w, start: "2026-12-03T22:00:00", duration: 1h }', /maintenance\[0\]\.start.*with its offset/],
    ['a one-off with a timezone', '{ name: w, start: "2026-12-03T22:00:00Z", duration: 1h, timezone: UTC }', /maintenance\[0\]\.timezone.*one-off window/],
    ['a bare-number duration', '{ name: w, every: [sunday], start: "02:00", duration: 60 }', /maintenance\[0\]\.duration.*"60s"/],
    ['a duration over a week', '{ name: w, every: [sunday], start: "02:00", duration: 8d }', /maintenance\[0\]\.duration.*at most 7d/],
    ['an unknown environment', '{ name: w, every: [sunday], start: "02:00", duration: 1h, environments: [prod] }', /maintenance\[0\]\.environments\[0\].*environment of this config \(production\)/],
    ['an unknown key', '{ name: w, every: [sunday], start: "02:00", duration: 1h, tz: UTC }', /maintenance\[0\].*tz/],
    ['a weekly window of 7d: it never ends', '{ name: w, every: [sunday], start: "02:00", duration: 7d }', /maintenance\[0\]\.duration: expected a window that ends: every: \[sunday\] for this duration covers the whole week/],
    ['every day for a day: it never ends', '{ name: w, every: [sunday, monday, tuesday, wednesday, thursday, friday, saturday], start: "00:00", duration: 24h }', /maintenance\[0\]\.duration: expected a window that ends/],
    ['monday and thursday, each covering the gap to the next', '{ name: w, every: [thursday, monday], start: "00:00", duration: 4d }', /maintenance\[0\]\.duration: expected a window that ends/],
    ['no duration', '{ name: w, every: [sunday], start: "02:00" }', /maintenance\[0\]\.duration: required: expected a duration such as "1h", found nothing/],
    ['no start', '{ name: w, every: [sunday], duration: 1h }', /maintenance\[0\]\.start: required/],
  ] as const)('maintenance: %s', (_name, entry, expected) => {
    expect(problems(`${head}maintenance:\n  - ${entry}\n`)).toMatch(expected);
  });

  it('a weekly window with a gap, however short, is accepted', () => {
    const { config: c } = parseConfigText(`${head}maintenance:\n  - { name: w, every: [thursday, monday], start: "00:00", duration: 95h }\n  - { name: v, every: [sunday], start: "00:00", duration: 167h }\n`, 'lg.yml', {});
    expect(c.maintenance).toHaveLength(2);
  });

  it('two windows of one name', () => {
    expect(problems(`${head}maintenance:\n  - { name: w, start: "2026-12-03T22:00:00Z", duration: 1h }\n  - { name: w, start: "2026-12-04T22:00:00Z", duration: 1h }\n`)).toMatch(/maintenance\[1\]\.name.*unique name/);
  });

  it.each([
    ['no reason', '{ match: "production:*", until: 2026-12-10 }', /silences\[0\]\.reason/],
    ['an empty reason', '{ match: "production:*", until: 2026-12-10, reason: "  " }', /silences\[0\]\.reason.*expected a reason/],
    ['an until that is no date', '{ match: "production:*", until: next week, reason: r }', /silences\[0\]\.until.*"2026-12-10"/],
    ['an impossible date', '{ match: "production:*", until: 2026-02-30, reason: r }', /silences\[0\]\.until/],
    ['an empty match', '{ match: "", until: 2026-12-10, reason: r }', /silences\[0\]\.match/],
  ] as const)('silences: %s', (_name, entry, expected) => {
    expect(problems(`${head}silences:\n  - ${entry}\n`)).toMatch(expected);
  });

  // A silence whose environment or check is mistyped would never hold anything, and the sale would page:
  // said at once, as a window's unknown environment is.
  it.each([
    ['an environment the config lacks', '{ match: "prod:load:*", until: 2026-12-10, reason: r }'],
    ['an environment in another case', '{ match: "Production:load:*", until: 2026-12-10, reason: r }'],
    ['a check that does not exist', '{ match: "production:lod:*", until: 2026-12-10, reason: r }'],
    ['an exact fingerprint of no environment', '{ match: "staging:health:api", until: 2026-12-10, reason: r }'],
  ] as const)('silences: a match no fingerprint of this config can have: %s', (_name, entry) => {
    expect(problems(`${head}silences:\n  - ${entry}\n`)).toMatch(/silences\[0\]\.match: expected a glob over this config's fingerprints \(environment:check:subject; environments: production; checks: health, metrics, load, indexes, audits, history\)/);
  });

  it.each(['production:load:*', '*:load:*', '*', 'prod*', 'production:*', 'production:health:api', '*api', 'production:history:*'])('silences: %s can match, so it is accepted', (match) => {
    expect(parseConfigText(`${head}silences:\n  - { match: "${match}", until: 2026-12-10, reason: r }\n`, 'lg.yml', {}).config.silences).toHaveLength(1);
  });
});
