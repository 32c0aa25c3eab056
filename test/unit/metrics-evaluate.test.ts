import { describe, expect, it } from 'vitest';
import { configSchema, type EnvironmentConfig } from '../../src/config/schema.js';
import { evaluateMetrics, type MetricsVerdict } from '../../src/checks/metrics/evaluate.js';
import type { SeverityOverrides } from '../../src/core/severity.js';
import type { EndpointReading } from '../../src/checks/metrics/types.js';
import type { ProbeResult } from '../../src/checks/health/types.js';

// Issue 13: the metrics check's evaluate is pure and structured: kinds, numbers, levels and graded
// severities; the words are render's.
const BASE = 'http://127.0.0.1:8000';
const environmentConfig: EnvironmentConfig = configSchema.parse({
  environments: {
    production: {
      metrics: {
        system: { cpu: { field: 'cpu' }, memory: { field: 'mem', unit: 'fraction' }, disk: { field: 'disk' } },
        usage: { 'payment-success-rate': { field: 'rate' } },
        alerts: {},
      },
    },
  },
}).environments.production!;

const reading = (source: EndpointReading['source'], json: unknown, over: Partial<EndpointReading> = {}): EndpointReading => ({ source, url: `${BASE}/m/${source}`, attempts: 1, latencyMs: 1, status: 200, json, ...over });
const probe = (over: Partial<ProbeResult> = {}): ProbeResult => ({ name: 'api', method: 'GET', url: `${BASE}/health`, attempts: 1, status: 200, latencyMs: 5, assertions: [], ...over });
const http503 = { failure: { class: 'status' as const, message: 'HTTP 503' }, status: 503, json: undefined };

const judge = (readings: EndpointReading[], probes: ProbeResult[] = [], severity: SeverityOverrides = {}) =>
  evaluateMetrics(readings, probes, { environment: 'production', config: environmentConfig, severity });

/** A verdict boiled down to what the table checks: its kind, subject, number, severity and reason. */
function facts(v: MetricsVerdict): unknown[] {
  const graded = 'graded' in v ? v.graded && `${v.graded.rule}/${v.graded.severity}` : undefined;
  switch (v.kind) {
    case 'endpoint-failed': return [v.kind, v.source, graded];
    case 'endpoint-in-outage': return [v.kind, v.source, v.probe];
    case 'field-null': return [v.kind, v.threshold.name];
    case 'field-unreadable': return [v.kind, v.threshold.name, v.field.problem, graded];
    case 'unit-unknown': return [v.kind, v.threshold.name, v.value, v.problem, graded];
    case 'level-hit': return [v.kind, v.threshold.name, v.value, v.level, graded];
    case 'level-ok': return [v.kind, v.threshold.name, v.value];
    case 'level-pending': return [v.kind, v.threshold.name, v.value, v.level.severity, v.held.why];
    case 'rate-unknown': return [v.kind, v.threshold.name, v.why];
    case 'spike': return [v.kind, v.threshold.name, v.spike.known, graded];
    case 'alerts-truncated': return [v.kind, v.alertsRead, v.worstLevel, graded];
    case 'alerts-unreadable': return [v.kind, v.found, graded];
    case 'alert': return [v.kind, v.subject, v.level, v.levelRead.how, graded];
    case 'no-alerts': return [v.kind];
  }
}

describe('evaluateMetrics: structured verdicts', () => {
  it.each<[string, EndpointReading[], ProbeResult[], SeverityOverrides, unknown[][]]>([
    ['readings within their levels', [reading('system', { cpu: 12.5, mem: 0.5, disk: 40 }), reading('usage', { rate: 99.5 })], [], {}, [
      ['level-ok', 'cpu', 12.5], ['level-ok', 'memory', 50], ['level-ok', 'disk', 40], ['level-ok', 'payment-success-rate', 99.5],
    ]],
    ['levels met: the most severe one, graded by the threshold rule', [reading('system', { cpu: 81, mem: 0.97, disk: 91 }), reading('usage', { rate: 40 })], [], {}, [
      // The guide's CPU level holds for 10 minutes: without a run history, one reading is not enough.
      ['level-pending', 'cpu', 81, 'sev3', 'no-history'],
      ['level-hit', 'memory', 97, { severity: 'sev1', 'at-least': 95 }, 'threshold/sev1'],
      ['level-hit', 'disk', 91, { severity: 'sev3', above: 90 }, 'threshold/sev3'],
      ['level-hit', 'payment-success-rate', 40, { severity: 'sev1', below: 50 }, 'threshold/sev1'],
    ]],
    ['no data, a missing field, a value too large, a string', [reading('system', { cpu: null, mem: Infinity, disk: 'full' }), reading('usage', { other: 1 })], [], {}, [
      ['field-null', 'cpu'],
      ['field-unreadable', 'memory', 'not-finite', 'metrics-field-missing/sev3'],
      ['field-unreadable', 'disk', 'not-a-number', 'metrics-field-missing/sev3'],
      ['field-unreadable', 'payment-success-rate', 'missing', 'metrics-field-missing/sev3'],
    ]],
    ['a unit that cannot be told', [reading('system', { cpu: 1, mem: 85, disk: 1 }), reading('usage', { rate: 0.991 })], [], { 'metrics-field-missing': 'sev2' }, [
      ['level-ok', 'cpu', 1],
      ['unit-unknown', 'memory', 85, 'fraction-out-of-range', 'metrics-field-missing/sev2'],
      ['level-ok', 'disk', 1],
      ['unit-unknown', 'payment-success-rate', 0.991, 'ambiguous', 'metrics-field-missing/sev2'],
    ]],
    ['an endpoint down, its rule switched off for the other', [reading('system', undefined, http503), reading('usage', undefined, http503)], [], {}, [
      ['endpoint-failed', 'system', 'metrics-unavailable/sev3'], ['endpoint-failed', 'usage', 'metrics-unavailable/sev3'],
    ]],
    ['an endpoint down with its rule off: no grade', [reading('system', undefined, http503)], [], { 'metrics-unavailable': 'off' }, [
      ['endpoint-failed', 'system', undefined],
    ]],
    ['an endpoint down with the health probe of its origin: part of that outage', [reading('system', undefined, http503)], [probe(http503)], {}, [
      ['endpoint-in-outage', 'system', 'api'],
    ]],
    ['the app\'s alerts, each graded by its level', [reading('alerts', { alerts: [{ type: 'pay', level: 'ERROR', message: 'm' }, { type: 'pay', level: 'odd' }, { level: 'low' }] })], [], { 'alert-info': 'off' }, [
      ['alert', 'alert-pay', 'critical', 'known', 'alert-critical/sev2'],
      ['alert', 'alert-pay-1', 'warning', 'unknown', 'alert-warning/sev3'],
      ['alert', 'alert-level-low', 'info', 'known', undefined],
    ]],
    ['no alerts', [reading('alerts', { alerts: [] })], [], {}, [['no-alerts']]],
    ['alerts not a list', [reading('alerts', { alerts: 3 })], [], {}, [['alerts-unreadable', true, 'metrics-field-missing/sev3']]],
    ['an alerts body cut at its cap: at the worst alert read', [reading('alerts', [{ level: 'warning' }, { level: 'critical' }], { failure: { class: 'body', message: 'too large' }, truncated: true })], [], {}, [
      ['alerts-truncated', 2, 'critical', 'metrics-unavailable/sev2'],
    ]],
    ['an alerts body cut at its cap, its alerts switched off: SEV2 all the same', [reading('alerts', [{ level: 'info' }], { failure: { class: 'body', message: 'too large' }, truncated: true })], [], { 'alert-info': 'off' }, [
      ['alerts-truncated', 1, undefined, 'metrics-unavailable/sev2'],
    ]],
  ])('%s', (_name, readings, probes, severity, expected) => {
    expect(judge(readings, probes, severity).verdicts.map(facts)).toEqual(expected);
  });

  it('carries the facts, no display text', () => {
    const { verdicts } = judge([reading('system', { cpu: 81, mem: 0.5, disk: null })]);
    expect(verdicts[0]).toEqual({
      kind: 'level-pending',
      threshold: { name: 'cpu', source: 'system', field: 'cpu', unit: '%', levels: [{ severity: 'sev3', above: 80, for: { ms: 600_000 } }], key: 'metrics.system.cpu' },
      value: 81,
      level: { severity: 'sev3', above: 80, for: { ms: 600_000 } },
      held: { held: false, heldMs: 0, runs: 1, why: 'no-history' },
    });
    // No sentence anywhere: the strings are ids, names, units and URLs.
    const strings = JSON.stringify(verdicts).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(strings.filter((s) => /\s|→|SEV/.test(s))).toEqual([]);
  });

  it('observes the endpoints, the thresholds read and the family of alerts', () => {
    const { observed } = judge([reading('system', { cpu: 1, mem: 0.1, disk: null }), reading('alerts', { alerts: [] })]);
    expect(observed).toEqual([
      'production:metrics:system-endpoint', 'production:metrics:alerts-endpoint',
      'production:metrics:cpu', 'production:metrics:memory',
      'production:metrics:alerts', 'production:metrics:alert-*',
    ]);
  });
});
