import { describe, expect, it } from 'vitest';
import { computeVerdict } from '../../src/core/verdict.js';
import type { Finding } from '../../src/core/types.js';
import type { FailOn } from '../../src/core/severity.js';
import { renderMarkdown, renderText, verdictLine } from '../../src/report/render.js';
import { renderGateComment } from '../../src/gate/render.js';
import { REPORT_SCHEMA, withTargets, type Report } from '../../src/report/report.js';
import type { SuppressionState } from '../../src/suppression/suppress.js';

// Held findings are reported, marked, and (in monitor and merge runs) not judged against fail-on;
// a gate judges them all the same.
const f = (subject: string, severity: Finding['severity'], suppressed?: Finding['suppressed']): Finding => ({
  fingerprint: `production:health:${subject}`, environment: 'production', check: 'health', subject, rule: 'health-failed', severity,
  title: `production: health probe ${subject} failing`, detail: 'HTTP 503', ...(suppressed ? { suppressed } : {}),
});
const inWindow = { kind: 'maintenance', window: 'weekly-deploy', until: '2026-11-29T02:00:00.000Z' } as const;
const silenced = { kind: 'silence', match: 'production:health:*', until: '2026-12-10', reason: 'load tests <b>paused</b>' } as const;

describe('the verdict with held findings', () => {
  it.each([
    ['monitor: a SEV1 in maintenance does not fail', [f('api', 'sev1', inWindow)], 'sev2', false, { status: 'pass', worstSeverity: 'sev1', findingsCount: 1, notJudged: 1 }],
    ['monitor: a silenced SEV1 does not fail', [f('api', 'sev1', silenced)], 'sev2', false, { status: 'pass', worstSeverity: 'sev1', findingsCount: 1, notJudged: 1 }],
    ['monitor: a held SEV1 beside an unheld SEV2 fails on the SEV2', [f('api', 'sev1', silenced), f('web', 'sev2')], 'sev2', false, { status: 'fail', worstSeverity: 'sev1', notJudged: 1 }],
    ['gate: a SEV1 in maintenance still fails', [f('api', 'sev1', inWindow)], 'sev2', true, { status: 'fail', worstSeverity: 'sev1', findingsCount: 1 }],
    ['no held finding: as before, no notJudged', [f('api', 'sev1')], 'sev2', false, { status: 'fail', worstSeverity: 'sev1', findingsCount: 1 }],
  ] as const)('%s', (_name, findings, failOn, judgeSuppressed, expected) => {
    const v = computeVerdict([...findings], failOn as FailOn, { judgeSuppressed });
    expect(v).toMatchObject(expected);
    if (!('notJudged' in expected)) expect(v).not.toHaveProperty('notJudged');
  });
});

const suppression: SuppressionState = {
  at: '2026-11-29T01:30:00.000Z',
  maintenance: [{ name: 'weekly-deploy', start: '2026-11-29T01:00:00.000Z', end: '2026-11-29T02:00:00.000Z', timezone: 'Europe/Berlin' }],
  silences: [{ match: 'production:load:*', until: '2026-12-10', endsAt: '2026-12-11T00:00:00.000Z', reason: 'load tests <b>paused</b>' }],
  expiredSilences: [],
};
const report = (findings: Finding[], mode: Report['mode']): Report => ({
  schema: REPORT_SCHEMA, startedAt: suppression.at, finishedAt: suppression.at, durationMs: 1, environment: 'production', target: 'http://127.0.0.1:1',
  mode, checks: ['health'], verdict: computeVerdict(findings, 'sev2', { judgeSuppressed: mode === 'gate' }), findings: withTargets(findings), rows: [], notes: [], observed: [], results: {}, suppression,
});

describe('held findings in words', () => {
  it('the summary names the window and the silence, and marks each held finding; the verdict line says it was not judged', () => {
    const r = report([f('api', 'sev1', inWindow)], 'monitor');
    const md = renderMarkdown(r);
    expect(verdictLine(r)).toBe('launchguard: PASS: 1 finding, worst SEV1 (respond < 5 min, resolve < 1 h), 1 in maintenance or silenced (not judged against fail-on sev2)');
    expect(md).toContain('> In maintenance: weekly-deploy (2026-11-29T01:00:00.000Z to 2026-11-29T02:00:00.000Z, Europe/Berlin). Findings are measured and reported; no issue is opened, escalated or closed.');
    expect(md).toContain('> Silenced until 2026-12-10: production:load:\\* (load tests &lt;b&gt;paused&lt;/b&gt;).');
    expect(md).toContain('| SEV1 | production: health probe api failing · _in maintenance: weekly-deploy_ |');
    const two = report([f('api', 'sev1', inWindow), f('web', 'sev3')], 'monitor');
    expect(verdictLine(two)).toBe('launchguard: PASS: 2 findings, worst SEV1 (respond < 5 min, resolve < 1 h), 1 in maintenance or silenced (not judged against fail-on sev2), the rest below fail-on sev2');
    expect(renderText(r)).toContain('SEV1  production: health probe api failing (in maintenance: weekly-deploy)');
  });

  it('a silenced finding is marked with its until and reason, escaped', () => {
    expect(renderMarkdown(report([f('api', 'sev3', silenced)], 'monitor'))).toContain('· _silenced until 2026-12-10: load tests &lt;b&gt;paused&lt;/b&gt;_');
  });

  it('the gate comment marks the held finding and still fails on it', () => {
    const c = renderGateComment(report([f('api', 'sev1', inWindow)], 'gate'));
    expect(c).toContain('## ❌ launchguard gate: fail');
    expect(c).toContain('> In maintenance: weekly-deploy');
    expect(c).toContain('> The gate judges every finding all the same.');
    expect(c).toContain('| SEV1 | production: health probe api failing · _in maintenance: weekly-deploy_ | HTTP 503 |');
  });
});
