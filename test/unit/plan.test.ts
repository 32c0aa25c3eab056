import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/config/errors.js';
import { parseConfigText } from '../../src/config/load.js';
import { parseOptions, type RunOptions } from '../../src/options.js';
import { resolvePlan } from '../../src/run-plan.js';

const opts = (inputs: Record<string, string>): RunOptions => parseOptions((n) => inputs[n] ?? '', '/tmp/r.json');

describe('options from inputs', () => {
  it('applies the documented defaults', () => {
    expect(opts({})).toMatchObject({
      configPath: '.github/launchguard.yml',
      configExplicit: false,
      environment: 'production',
      checks: undefined,
      mode: 'monitor',
      issues: true,
      failOn: 'sev2',
      dryRun: false,
    });
  });
  it.each([
    [{ 'target-url': 'not a url' }, /input target-url: expected an http\(s\) URL, found "not a url"/],
    [{ 'target-url': 'ftp://x' }, /input target-url: .*scheme "ftp:"/],
    [{ checks: 'health,speed' }, /input checks: unknown check "speed"/],
    [{ 'fail-on': 'sev5' }, /input fail-on: expected one of sev1, sev2, sev3, sev4, none, found "sev5"/],
    [{ mode: 'watch' }, /input mode: expected one of monitor, gate/],
    [{ issues: 'yes' }, /input issues: expected true or false, found "yes"/],
  ])('rejects %o', (inputs, pattern) => {
    expect(() => opts(inputs)).toThrow(UserError);
    expect(() => opts(inputs)).toThrow(pattern);
  });
  it('parses a check list with spaces and repeats', () => {
    expect(opts({ checks: 'metrics, health,metrics' }).checks).toEqual(['metrics', 'health']);
  });
});

describe('plan', () => {
  const loaded = parseConfigText(
    'environments:\n  production:\n    url: https://api.example.com\n    health: [{ name: h }]\n  staging:\n    health: [{ name: h }]\n',
    'c.yml',
    {},
  );

  it('with no config file, target-url alone gives one health probe expecting 2xx', () => {
    const plan = resolvePlan(undefined, opts({ 'target-url': 'http://127.0.0.1:9' }));
    expect(plan.checks).toEqual(['health']);
    expect(plan.baseUrl).toBe('http://127.0.0.1:9');
    expect(plan.environmentConfig.health).toHaveLength(1);
    expect(plan.environmentConfig.health![0]).toMatchObject({ name: 'target', path: '', expect: { status: '2xx' } });
  });
  it('defaults to the checks the environment defines; target-url overrides url', () => {
    expect(resolvePlan(loaded, opts({})).baseUrl).toBe('https://api.example.com');
    expect(resolvePlan(loaded, opts({ 'target-url': 'http://127.0.0.1:1' })).baseUrl).toBe('http://127.0.0.1:1');
    // Issue 17: an https target gets the TLS audit by default (see 'the default TLS audit' below).
    expect(resolvePlan(loaded, opts({})).checks).toEqual(['health', 'audits']);
    expect(resolvePlan(loaded, opts({ 'target-url': 'http://127.0.0.1:1' })).checks).toEqual(['health']);
  });
  it.each([
    [undefined, {}, /no config file at \.github\/launchguard\.yml and no target-url/],
    [undefined, { config: 'ci/lg.yml', 'target-url': 'http://x' }, /the file ci\/lg\.yml does not exist/],
    [loaded, { environment: 'prod' }, /"prod" is not in .* it defines "production", "staging"/],
    [loaded, { environment: 'staging' }, /environments\.staging\.url is not set/],
    [loaded, { checks: 'metrics' }, /"metrics" was asked for, but environments\.production .* has no metrics section/],
  ])('explains a plan it cannot make (%#)', (l, inputs, pattern) => {
    expect(() => resolvePlan(l, opts(inputs))).toThrow(pattern);
  });
});

// Issue 17: the TLS audit is on by default for https targets, with no config.
describe('the default TLS audit', () => {
  const plan = (yaml: string | undefined, inputs: Record<string, string>) =>
    resolvePlan(yaml === undefined ? undefined : parseConfigText(yaml, 'lg.yml', {}), opts({ ...inputs, ...(yaml === undefined ? {} : { config: 'lg.yml' }) }));
  it.each([
    ['no config file, an https target', undefined, { 'target-url': 'https://api.example.com/health' }, ['health', 'audits'], { tls: { 'warn-days': 21, 'critical-days': 7 }, hsts: false }],
    ['a config without audits, an https url', 'environments:\n  production:\n    url: https://api.example.com\n    health: [{ name: h }]\n', {}, ['health', 'audits'], { tls: { 'warn-days': 21, 'critical-days': 7 }, hsts: false }],
    ['an http target', undefined, { 'target-url': 'http://127.0.0.1:8000' }, ['health'], undefined],
    ['a checks input that leaves audits out', undefined, { 'target-url': 'https://api.example.com', checks: 'health' }, ['health'], undefined],
    ['audits of its own (tls off)', 'environments:\n  production:\n    url: https://api.example.com\n    health: [{ name: h }]\n    audits: { tls: false }\n', {}, ['health', 'audits'], { tls: false, hsts: true }],
  ])('%s', (_, yaml, inputs, checks, audits) => {
    const p = plan(yaml, inputs);
    expect(p.checks).toEqual(checks);
    const a = p.environmentConfig.audits;
    expect(a ? { tls: a.tls, hsts: a.headers.hsts } : undefined).toEqual(audits);
    if (a && !yaml) expect([a.compression, a.pagination, a.caching, a.size, a.headers.nosniff]).toEqual([undefined, undefined, undefined, undefined, false]);
  });
});
