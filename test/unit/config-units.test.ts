import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { parseConfigText } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { parseOptions } from '../../src/options.js';
import { resolvePlan } from '../../src/run-plan.js';

// Issue 11: units are stated, values that cannot work are config errors, each naming the key.
const FILE = 'lg.yml';
function problems(text: string): string {
  try {
    parseConfigText(text, FILE, {});
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}
const env = (body: string) => `environments:\n  p:\n    url: http://127.0.0.1:9\n${body}`;

describe('config errors that name the key', () => {
  it.each([
    ['a bare error-rate', '    load:\n      budgets: { error-rate: 1 }\n', /lg\.yml:5: environments\.p\.load\.budgets\.error-rate: expected a percentage with its % sign, such as "1%"/],
    ['a bare regression threshold', '    load:\n      regression: { threshold: 25 }\n', /environments\.p\.load\.regression\.threshold: expected a percentage with its % sign, such as "25%"/],
    ['probe timeout: 0', '    health:\n      - { name: h, timeout: 0 }\n', /environments\.p\.health\[0\]\.timeout: expected a duration above 0/],
    ['latency-budget: 0ms', '    health:\n      - { name: h, latency-budget: 0ms }\n', /environments\.p\.health\[0\]\.latency-budget: expected a duration above 0/],
    ['load duration: 0s', '    load:\n      duration: 0s\n', /environments\.p\.load\.duration: expected a duration above 0/],
    ['load timeout: 0', '    load:\n      timeout: 0\n', /environments\.p\.load\.timeout: expected a duration above 0/],
    ['a p95 budget of 0', '    load:\n      budgets: { p95: 0 }\n', /environments\.p\.load\.budgets\.p95: expected a duration above 0/],
    ['metrics endpoint timeout: 0', '    metrics:\n      system: { timeout: 0 }\n', /environments\.p\.metrics\.system\.timeout: expected a duration above 0/],
    ['indexes timeout: 0 (no timeout at all to the driver)', '    indexes: { database: d, timeout: 0, collections: {} }\n', /environments\.p\.indexes\.timeout: expected a duration above 0/],
    [
      'a threshold on an endpoint that is not configured',
      '    metrics:\n      system: {}\n      thresholds:\n        - { name: dau, source: usage, field: dau, levels: [{ below: 1, severity: sev4 }] }\n',
      /environments\.p\.metrics\.thresholds\[0\]\.source: the usage endpoint is not configured, so threshold "dau" would never be read/,
    ],
    // Issue 19: a duration states its unit; issue 20: every duration has an upper bound.
    ['a bare probe timeout', '    health:\n      - { name: h, timeout: 5 }\n', /lg\.yml:5: environments\.p\.health\[0\]\.timeout: expected a duration with its unit, such as "5s" or "5ms" \(a bare number is ambiguous: milliseconds or seconds\?\), found number 5/],
    ['a bare number in quotes', '    health:\n      - { name: h, latency-budget: "300" }\n', /environments\.p\.health\[0\]\.latency-budget: expected a duration with its unit, such as "300s" or "300ms"/],
    ['a bare retry-delay', '    health:\n      - { name: h, retry-delay: 500 }\n', /environments\.p\.health\[0\]\.retry-delay: expected a duration with its unit, such as "500s"/],
    ['a bare load duration', '    load:\n      duration: 10\n', /environments\.p\.load\.duration: expected a duration with its unit, such as "10s"/],
    ['a bare warmup', '    load:\n      warmup: 1\n', /environments\.p\.load\.warmup: expected a duration with its unit/],
    ['a bare p95 budget', '    load:\n      budgets: { p95: 300 }\n', /environments\.p\.load\.budgets\.p95: expected a duration with its unit, such as "300s" or "300ms"/],
    ['a bare regression floor', '    load:\n      regression: { floor: 20 }\n', /environments\.p\.load\.regression\.floor: expected a duration with its unit/],
    ['a bare metrics timeout', '    metrics:\n      system: { timeout: 5 }\n', /environments\.p\.metrics\.system\.timeout: expected a duration with its unit/],
    ['a bare indexes timeout', '    indexes: { database: d, timeout: 5000, collections: {} }\n', /environments\.p\.indexes\.timeout: expected a duration with its unit, such as "5000s"/],
    ['a probe timeout above 10 minutes', '    health:\n      - { name: h, timeout: 11m }\n', /environments\.p\.health\[0\]\.timeout: expected a duration of at most 10m, found "11m"/],
    ['a latency budget above 10 minutes', '    health:\n      - { name: h, latency-budget: 1h }\n', /environments\.p\.health\[0\]\.latency-budget: expected a duration of at most 10m/],
    ['a metrics timeout above 10 minutes', '    metrics:\n      usage: { timeout: 2h }\n', /environments\.p\.metrics\.usage\.timeout: expected a duration of at most 10m/],
    ['a load timeout above 10 minutes', '    load:\n      timeout: 20m\n', /environments\.p\.load\.timeout: expected a duration of at most 10m/],
    ['a load run over the 10-minute cap', '    load:\n      duration: 11m\n', /lg\.yml:5: environments\.p\.load\.duration: duration plus warmup is 660\.0 s, above the safety cap of 10 minutes; set allow-heavy: true if you mean it/],
    ['a load run over a day even with allow-heavy', '    load:\n      allow-heavy: true\n      duration: 25h\n', /environments\.p\.load\.duration: expected a duration of at most 1d/],
    ['a warmup above an hour', '    load:\n      allow-heavy: true\n      warmup: 2h\n', /environments\.p\.load\.warmup: expected a duration of at most 1h/],
    ['an indexes timeout above 10 minutes', '    indexes: { database: d, timeout: 1h, collections: {} }\n', /environments\.p\.indexes\.timeout: expected a duration of at most 10m/],
    ['a sub-millisecond timeout (it broke the timer and switched the check off)', '    health:\n      - { name: h, timeout: 0.5ms }\n', /environments\.p\.health\[0\]\.timeout: expected a whole number of milliseconds, at least 1ms/],
    ['a fractional latency budget', '    health:\n      - { name: h, latency-budget: 0.001ms }\n', /environments\.p\.health\[0\]\.latency-budget: expected a whole number of milliseconds/],
    ['a header value with a trailing newline (a pasted secret)', '    headers:\n      Authorization: "Bearer x\\n"\n', /environments\.p\.headers\.Authorization: the value holds a line break or a NUL character/],
    ['a header name with a space', '    headers:\n      "X Api": v\n', /environments\.p\.headers\.X Api: "X Api" is not a valid header name/],
    ['a framing header', '    headers:\n      Transfer-Encoding: chunked\n', /environments\.p\.headers\.Transfer-Encoding: Transfer-Encoding is set by the HTTP client/],
    ['an unknown unit', '    metrics:\n      usage:\n        payment-success-rate: { field: r, unit: ratio }\n', /payment-success-rate\.unit: expected one of "percent", "fraction"/],
  ])('%s', (_name, body, message) => {
    expect(problems(env(body))).toMatch(message);
  });

  it.each([
    ['incidents.reopen-within', 'incidents:\n  reopen-within: 24\n', /incidents\.reopen-within: expected a duration with its unit, such as "24s"/],
    ['incidents.remind-after', 'incidents:\n  remind-after: 400d\n', /incidents\.remind-after: expected a duration of at most 365d/],
  ])('%s', (_name, body, message) => {
    expect(problems(env('') + body)).toMatch(message);
  });

  it('durations with their unit, 0 without one, and allow-heavy over 10 minutes still parse', () => {
    const cfg = parseConfigText(env('    load:\n      allow-heavy: true\n      duration: 30m\n      warmup: 0\n      timeout: 10m\n    health:\n      - { name: h, timeout: 1.5s, retry-delay: 0 }\n'), FILE, {}).config;
    expect(cfg.environments.p!.load!.duration).toBe(1_800_000);
    expect(cfg.environments.p!.load!.warmup).toBe(0);
    expect(cfg.environments.p!.health![0]!.timeout).toBe(1500);
  });

  it('percentages with their sign still parse', () => {
    const cfg = parseConfigText(env('    load:\n      budgets: { error-rate: 0.5% }\n      regression: { threshold: 10 % }\n'), FILE, {}).config;
    expect(cfg.environments.p!.load!.budgets['error-rate']).toBe(0.5);
    expect(cfg.environments.p!.load!.regression.threshold).toBe(10);
  });

  it('no config file and no target-url: the sentence says so and points at actions/checkout', () => {
    const opts = parseOptions(() => '', '/tmp/r.json');
    expect(() => resolvePlan(undefined, opts)).toThrow(/no config file at \.github\/launchguard\.yml and no target-url input\. If the config is in the repository, run actions\/checkout before this step/);
  });
});

describe('a payment success rate in its declared unit', () => {
  const envWith = (unit?: string) =>
    configSchema.parse({ environments: { p: { metrics: { usage: { 'payment-success-rate': { field: 'rate', ...(unit ? { unit } : {}) } } } } } }).environments.p!;
  const judge = (value: number, unit?: string) => {
    const e = envWith(unit);
    const r = evaluate({ metrics: [{ source: 'usage', url: 'http://x/usage', attempts: 1, latencyMs: 1, status: 200, json: { rate: value } }] }, { environment: 'p', config: e, severity: {} });
    return { findings: r.findings.map((f) => [f.rule, f.severity]), rows: r.rows, detail: r.findings[0]?.detail };
  };
  it.each([
    // value, unit, findings
    [0.991, 'fraction', []],
    [0.4, 'fraction', [['threshold', 'sev1']]],
    [0.93, 'fraction', [['threshold', 'sev3']]],
    [99.1, 'percent', []],
    [99.1, undefined, []],
    [0, undefined, [['threshold', 'sev1']]],
    [0.991, 'percent', [['threshold', 'sev1']]],
    [0.991, undefined, [['metrics-field-missing', 'sev3']]],
    [99.1, 'fraction', [['metrics-field-missing', 'sev3']]],
  ] as const)('%s with unit %s → %j', (value, unit, findings) => {
    expect(judge(value, unit).findings).toEqual(findings);
  });

  it('0.991 reads as 99.1 %, never as 0.99 %', () => {
    expect(judge(0.991, 'fraction').rows[0]!.value).toBe('99.1 %');
  });

  it('an undeclared unit with a value ≤ 1 names the field and the fix', () => {
    expect(judge(0.991).detail).toBe('field "rate" of http://x/usage is 0.991: a fraction (99.1 %) or a percentage (0.991 %)? Declare metrics.usage.payment-success-rate.unit: fraction or percent');
  });
});
