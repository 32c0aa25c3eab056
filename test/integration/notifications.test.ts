import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import type { AppliedAction } from '../../src/incidents/applier.js';
import { incidentsSchema } from '../../src/incidents/schema.js';
import { reconcile } from '../../src/incidents/reconcile.js';
import { notify } from '../../src/notifications/send.js';
import { notificationsSchema } from '../../src/notifications/schema.js';
import { Redactor } from '../../src/report/redact.js';
import { FakeReceiver } from '../helpers/fake-receivers.js';
import { refusedPort } from '../helpers/servers.js';

// notify() against local stand-ins of each service, each checking payloads against its JSON Schema.
const NOW = new Date('2026-11-28T12:00:00Z');
const f: Finding = {
  fingerprint: 'production:health:api', environment: 'production', check: 'health', subject: 'api', rule: 'health-failed', severity: 'sev1',
  title: 'production: health probe api failing', detail: 'GET /health: HTTP 503, expected 2xx',
};
const opened = (): AppliedAction[] => {
  const p = reconcile({ environment: 'production', findings: [f], observed: [], issues: [], pending: {}, config: incidentsSchema.parse({}), now: NOW });
  return [{ action: p.actions[0]!, number: 3 }];
};
const FAST = { retries: 3, delayMs: 1, idempotent: true, maxRetryAfterMs: 2_000 };

describe('notify: delivery, retries and failures, one channel at a time', () => {
  let r: Record<'pagerduty' | 'slack' | 'teams' | 'webhook', FakeReceiver>;
  beforeEach(async () => {
    r = {
      pagerduty: await new FakeReceiver('pagerduty').start(),
      slack: await new FakeReceiver('slack').start(),
      teams: await new FakeReceiver('teams').start(),
      webhook: await new FakeReceiver('webhook', 'hook-secret').start(),
    };
  });
  afterEach(async () => {
    for (const x of Object.values(r)) await x.close();
  });
  const channels = (over: Partial<Record<string, string>> = {}) =>
    notificationsSchema.parse([
      { name: 'oncall', type: 'pagerduty', 'routing-key': 'pd-routing-key', url: over.pagerduty ?? r.pagerduty.url },
      { name: 'team', type: 'slack', url: over.slack ?? r.slack.url },
      { name: 'teams', type: 'teams', url: over.teams ?? r.teams.url },
      { name: 'ops', type: 'webhook', url: over.webhook ?? r.webhook.url, secret: 'hook-secret' },
    ]);
  const run = async (chs = channels(), redactor = new Redactor(), applied = opened()) => {
    const res = await notify({ environment: 'production', applied, findings: [f], channels: chs, repoUrl: 'https://github.com/acme/api', runUrl: 'https://github.com/acme/api/actions/runs/9' }, { now: () => NOW, redact: (v) => redactor.value(v), dryRun: false, policy: FAST });
    return { lines: res.lines, failures: res.failures.map((x) => x.markdown), plain: res.failures.map((x) => x.plain) };
  };

  it('every channel gets one valid message; the webhook\'s signature verifies', async () => {
    const res = await run();
    expect(res.failures).toEqual([]);
    expect(res.lines).toEqual(['notifications: oncall: sent opened', 'notifications: team: sent opened', 'notifications: teams: sent opened', 'notifications: ops: sent opened']);
    for (const x of Object.values(r)) {
      expect(x.rejected).toEqual([]);
      expect(x.received).toHaveLength(1);
    }
    expect(r.pagerduty.received[0]!.body).toMatchObject({ event_action: 'trigger', dedup_key: 'production:health:api', links: [{ href: 'https://github.com/acme/api/issues/3' }, { href: 'https://github.com/acme/api/actions/runs/9' }] });
  });

  it('500 then 200: delivered once, after two attempts', async () => {
    r.slack.script = [{ status: 500 }];
    const res = await run();
    expect(res.failures).toEqual([]);
    expect(r.slack.attempts).toBe(2);
    expect(r.slack.received).toHaveLength(1);
  });

  it('429 with Retry-After: waits as asked, then delivered once', async () => {
    r.pagerduty.script = [{ status: 429, retryAfter: '1' }];
    const res = await run();
    expect(res.failures).toEqual([]);
    expect(r.pagerduty.attempts).toBe(2);
    expect(r.pagerduty.received).toHaveLength(1);
  });

  it('a Retry-After beyond the cap is not waited for: one attempt, a note', async () => {
    r.teams.script = [{ status: 429, retryAfter: '3600' }];
    const res = await run();
    expect(r.teams.attempts).toBe(1);
    expect(res.failures).toEqual([expect.stringMatching(/^notifications: teams: the opened notice of production:health:api was not delivered: HTTP 429.*Retry-After/)]);
  });

  it('a 4xx is final: one attempt, a note with the service\'s answer; the other channels are delivered', async () => {
    r.slack.script = [{ status: 404 }];
    const res = await run();
    expect(r.slack.attempts).toBe(1);
    expect(res.failures).toEqual(['notifications: team: the opened notice of production:health:api was not delivered: HTTP 404: scripted failure']);
    expect(r.pagerduty.received).toHaveLength(1);
    expect(r.teams.received).toHaveLength(1);
    expect(r.webhook.received).toHaveLength(1);
  });

  it('5xx on every attempt: retried 3 times, then a note', async () => {
    r.webhook.script = Array.from({ length: 4 }, () => ({ status: 503 }));
    const res = await run();
    expect(r.webhook.attempts).toBe(4);
    expect(res.failures).toEqual([expect.stringMatching(/^notifications: ops: .* not delivered after 4 attempts: HTTP 503/)]);
  });

  it('a receiver that is down: a note naming the channel, never its URL; the others are delivered', async () => {
    const down = `${await refusedPort()}/services/T000/B000/XXXXXXXXSECRET`;
    const redactor = new Redactor();
    redactor.add(down);
    const res = await run(channels({ slack: down }), redactor);
    expect(res.failures).toHaveLength(1);
    expect(res.failures[0]).toMatch(/^notifications: team: the opened notice .* not delivered after 4 attempts: connection refused/);
    expect(res.failures[0]).not.toContain('XXXXXXXXSECRET');
    expect(r.pagerduty.received).toHaveLength(1);
    expect(r.webhook.received).toHaveLength(1);
  });

  it('a channel that did not answer is not tried again for its next notice this run', async () => {
    const later = reconcile({ environment: 'production', findings: [{ ...f, fingerprint: 'production:health:db', subject: 'db' }], observed: [], issues: [], pending: {}, config: incidentsSchema.parse({}), now: NOW });
    const db = { ...f, fingerprint: 'production:health:db', subject: 'db' };
    r.teams.script = Array.from({ length: 4 }, () => ({ status: 502 }));
    const res = await notify(
      { environment: 'production', applied: [...opened(), { action: later.actions[0]!, number: 4 }], findings: [f, db], channels: channels() },
      { now: () => NOW, redact: (v) => v, dryRun: false, policy: FAST },
    );
    expect(r.teams.attempts).toBe(4);
    expect(res.failures.map((x) => x.markdown)).toEqual([
      expect.stringMatching(/^notifications: teams: the opened notice of production:health:api was not delivered after 4 attempts: HTTP 502/),
      'notifications: teams: the opened notice of production:health:db was not sent: the channel did not answer the one before',
    ]);
    expect(r.slack.received).toHaveLength(2);
  });

  it('a 4xx is specific to one notice: the next is still sent', async () => {
    const later = reconcile({ environment: 'production', findings: [{ ...f, fingerprint: 'production:health:db', subject: 'db' }], observed: [], issues: [], pending: {}, config: incidentsSchema.parse({}), now: NOW });
    const db = { ...f, fingerprint: 'production:health:db', subject: 'db' };
    r.teams.script = [{ status: 400 }];
    const res = await notify(
      { environment: 'production', applied: [...opened(), { action: later.actions[0]!, number: 4 }], findings: [f, db], channels: channels() },
      { now: () => NOW, redact: (v) => v, dryRun: false, policy: FAST },
    );
    expect(r.teams.attempts).toBe(2);
    expect(r.teams.received).toHaveLength(1);
    expect(res.failures.map((x) => x.markdown)).toEqual(['notifications: teams: the opened notice of production:health:api was not delivered: HTTP 400: scripted failure']);
  });

  it('the warning annotation is plain text; the summary line escapes what came from outside', async () => {
    r.slack.script = [{ status: 400 }];
    const odd = { ...f, fingerprint: 'production:health:my_api' };
    const p = reconcile({ environment: 'production', findings: [odd], observed: [], issues: [], pending: {}, config: incidentsSchema.parse({}), now: NOW });
    const res = await notify({ environment: 'production', applied: [{ action: p.actions[0]!, number: 1 }], findings: [odd], channels: channels() }, { now: () => NOW, redact: (v) => v, dryRun: false, policy: FAST });
    expect(res.failures).toEqual([{ markdown: 'notifications: team: the opened notice of production:health:my\\_api was not delivered: HTTP 400: scripted failure', plain: 'notifications: team: the opened notice of production:health:my_api was not delivered: HTTP 400: scripted failure' }]);
  });

  it('a wrong webhook secret is refused by the receiver (the signature is what it checks)', async () => {
    const chs = channels().map((c) => (c.type === 'webhook' ? { ...c, secret: 'another-secret' } : c));
    const res = await run(chs);
    expect(r.webhook.rejected).toEqual(['bad signature']);
    expect(res.failures).toEqual(['notifications: ops: the opened notice of production:health:api was not delivered: HTTP 401: bad signature']);
  });

  it('a redirect is not followed (the body carries the routing key)', async () => {
    const { httpServer } = await import('../helpers/servers.js');
    const redirect = await httpServer((_q, res) => {
      res.writeHead(307, { location: r.pagerduty.url });
      res.end();
    });
    try {
      const res = await run(channels({ pagerduty: redirect.url }));
      expect(r.pagerduty.attempts).toBe(0);
      expect(res.failures).toEqual([expect.stringMatching(/^notifications: oncall: .* HTTP 307, a redirect, which is not followed/)]);
    } finally {
      await redirect.close();
    }
  });

  it('dry-run: lists what would be sent, sends nothing', async () => {
    const redactor = new Redactor();
    const res = await notify(
      { environment: 'production', applied: opened(), findings: [f], channels: channels() },
      { now: () => NOW, redact: (v) => redactor.value(v), dryRun: true, policy: FAST },
    );
    expect(res.lines).toEqual([
      'notifications: oncall (pagerduty): dry-run, would send: SEV1 opened: production: health probe api failing',
      'notifications: team (slack): dry-run, would send: SEV1 opened: production: health probe api failing',
      'notifications: teams (teams): dry-run, would send: SEV1 opened: production: health probe api failing',
      'notifications: ops (webhook): dry-run, would send: SEV1 opened: production: health probe api failing',
    ]);
    for (const x of Object.values(r)) expect(x.attempts).toBe(0);
  });

  it('a secret the target echoed into a finding is redacted in what is sent', async () => {
    const redactor = new Redactor();
    redactor.add('tok_live_abcdef123');
    const leaky = { ...f, detail: 'HTTP 500: invalid token tok_live_abcdef123' };
    const p = reconcile({ environment: 'production', findings: [leaky], observed: [], issues: [], pending: {}, config: incidentsSchema.parse({}), now: NOW });
    await notify({ environment: 'production', applied: [{ action: p.actions[0]!, number: 1 }], findings: [leaky], channels: channels() }, { now: () => NOW, redact: (v) => redactor.value(v), dryRun: false, policy: FAST });
    for (const x of Object.values(r)) {
      expect(x.received[0]!.raw).not.toContain('tok_live_abcdef123');
      expect(x.received[0]!.raw.replaceAll('\\\\', '')).toContain('invalid token ***'); // Teams escapes * as \\*, JSON doubles the backslash
    }
    expect(r.pagerduty.received[0]!.body.routing_key).toBe('pd-routing-key');
  });
});

describe('notify: review', () => {
  it('a service that echoes a secret in its answer: redacted before the summary line escapes it (escaped, the redactor could not find it)', async () => {
    const { httpServer } = await import('../helpers/servers.js');
    const secret = 'whsec_live_4f9a*x';
    const echo = await httpServer((req, res) => {
      req.resume();
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`bad signature for secret ${secret}`);
    });
    try {
      const redactor = new Redactor();
      redactor.add(secret);
      const chs = notificationsSchema.parse([{ name: 'ops', type: 'webhook', url: echo.url, secret }]);
      const res = await notify({ environment: 'production', applied: opened(), findings: [f], channels: chs }, { now: () => NOW, redact: (v) => redactor.value(v), dryRun: false, policy: FAST });
      expect(res.failures).toHaveLength(1);
      // What main.ts does at the boundary: the summary line and the annotation pass the redactor.
      expect(redactor.text(res.failures[0]!.markdown)).toBe('notifications: ops: the opened notice of production:health:api was not delivered: HTTP 400: bad signature for secret \\*\\*\\*');
      expect(redactor.text(res.failures[0]!.plain)).not.toContain('whsec');
    } finally {
      await echo.close();
    }
  });
});

describe('notify: review, the answer cut', () => {
  it('a secret across the 200th character of the answer is redacted before the cut, not half shown', async () => {
    const { httpServer } = await import('../helpers/servers.js');
    const secret = 'ROUTINGKEYabcdef0123456789abcdef';
    const echo = await httpServer((req, res) => {
      req.resume();
      res.writeHead(400);
      res.end(`${'x'.repeat(190)} ${secret}`);
    });
    try {
      const redactor = new Redactor();
      redactor.add(secret);
      const chs = notificationsSchema.parse([{ name: 'oncall', type: 'pagerduty', 'routing-key': secret, url: echo.url }]);
      const res = await notify({ environment: 'production', applied: opened(), findings: [f], channels: chs }, { now: () => NOW, redact: (v) => redactor.value(v), dryRun: false, policy: FAST });
      expect(redactor.text(res.failures[0]!.plain)).not.toContain('ROUTING'); // the cut at 200 would leave ROUTINGKE
    } finally {
      await echo.close();
    }
  });
});

describe('notify: review, time', () => {
  it('a channel that answers, but slowly, has a time budget for the run: past it, the rest of its notices are notes, not one slow POST after another', async () => {
    const { httpServer } = await import('../helpers/servers.js');
    let posts = 0;
    const slow = await httpServer((req, res) => {
      req.resume();
      posts++;
      setTimeout(() => res.end('ok'), 300);
    });
    try {
      const fps = ['a', 'b', 'c'].map((s) => ({ ...f, fingerprint: `production:health:${s}`, subject: s }));
      const p = reconcile({ environment: 'production', findings: fps, observed: [], issues: [], pending: {}, config: incidentsSchema.parse({}), now: NOW });
      const chs = notificationsSchema.parse([{ name: 'team', type: 'slack', url: slow.url }]);
      const res = await notify(
        { environment: 'production', applied: p.actions.map((action, i) => ({ action, number: i + 1 })), findings: fps, channels: chs },
        { now: () => NOW, redact: (v) => v, dryRun: false, policy: FAST, channelBudgetMs: 100 },
      );
      expect(posts).toBe(1); // the first answer alone took longer than the budget
      expect(res.lines).toEqual(['notifications: team: sent opened']);
      expect(res.failures.map((x) => x.plain)).toEqual([
        'notifications: team: the opened notice of production:health:b was not sent: the channel used its time for this run (100 ms)',
        'notifications: team: the opened notice of production:health:c was not sent: the channel used its time for this run (100 ms)',
      ]);
    } finally {
      await slow.close();
    }
  });
});
