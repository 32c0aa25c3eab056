import { createHash, createHmac } from 'node:crypto';
import { sevName, type Severity } from '../core/severity.js';
import type { Change, Notice } from './plan.js';
import { PAGERDUTY_EVENTS_URL } from './schema.js';

/**
 * A notice in each service's words and JSON shape. Pure (the time is given). Shapes follow each
 * service's documentation; test/fixtures/notifications/*.schema.json are written from it.
 * Text from the target (a finding's title and figure) is escaped for the service's markup and cut
 * to its limits.
 */

export interface OutboundRequest {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The generic webhook's signature header: HMAC-SHA256 of the raw body, as GitHub signs its webhooks. */
export const SIGNATURE_HEADER = 'x-launchguard-signature-256';
export const EVENT_HEADER = 'x-launchguard-event';

/** What a title may take (as in issue titles), and a key figure: enough for a figure against its budget. */
const TITLE_MAX = 200;
const FIGURE_MAX = 500;

export function buildRequest(n: Notice, now: Date): OutboundRequest {
  const json = { 'content-type': 'application/json' };
  const c = wellFormed(n.change);
  switch (n.channel.type) {
    case 'pagerduty':
      return { url: n.channel.url ?? PAGERDUTY_EVENTS_URL, body: JSON.stringify(pagerdutyEvent(c, n.channel['routing-key'])), headers: json };
    case 'slack':
      return { url: n.channel.url, body: JSON.stringify(slackMessage(c)), headers: json };
    case 'teams':
      return { url: n.channel.url, body: JSON.stringify(teamsMessage(c)), headers: json };
    case 'webhook': {
      const body = JSON.stringify(webhookEvent(c, now));
      const signed: Record<string, string> = n.channel.secret ? { [SIGNATURE_HEADER]: signature(body, n.channel.secret) } : {};
      return { url: n.channel.url, body, headers: { ...json, [EVENT_HEADER]: c.event, ...signed } };
    }
  }
}

/**
 * Target text parsed from JSON may hold a lone surrogate (`"\ud800"`): JSON.stringify writes it as
 * an escape that strict parsers (PHP, .NET) refuse, so it becomes U+FFFD.
 */
function wellFormed(c: Change): Change {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'string' ? v.toWellFormed() : v])) as unknown as Change;
}

export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The one-line headline of a change, in plain text. */
export function headline(c: Change): string {
  const t = cut(c.title, TITLE_MAX);
  switch (c.event) {
    case 'opened':
    case 'reopened':
      return `${sevName(c.severity)} ${c.event}: ${t}`;
    case 'escalated':
    case 'de-escalated':
      return `${c.event === 'escalated' ? 'Escalated' : 'De-escalated'} ${c.previousSeverity ? `${sevName(c.previousSeverity)} → ` : 'to '}${sevName(c.severity)}: ${t}`;
    case 'closed':
      return `Recovered (${sevName(c.severity)}): ${t}`;
  }
}

/** The key figure with what it is: the failure now, or the last one for a recovered incident. */
function figure(c: Change): string {
  return `${c.event === 'closed' ? 'Last failure: ' : ''}${cut(c.keyFigure, FIGURE_MAX)}`;
}

// PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/).
const PD_SEVERITY: Readonly<Record<Severity, string>> = { sev1: 'critical', sev2: 'error', sev3: 'warning', sev4: 'info' };

/** PagerDuty's dedup_key may hold 255 characters: a longer fingerprint is hashed (the same every run). */
export function dedupKey(fingerprint: string): string {
  return fingerprint.length <= 255 ? fingerprint : `sha256:${createHash('sha256').update(fingerprint, 'utf8').digest('hex')}`;
}

export function pagerdutyEvent(c: Change, routingKey: string): Record<string, unknown> {
  if (c.event === 'closed') return { routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey(c.fingerprint) };
  const links = [
    ...(c.issueUrl ? [{ href: c.issueUrl, text: `GitHub issue #${c.issueNumber}` }] : []),
    ...(c.runUrl ? [{ href: c.runUrl, text: 'launchguard run' }] : []),
  ];
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey(c.fingerprint),
    payload: {
      summary: cut(`[${sevName(c.severity)}] ${c.title}: ${c.keyFigure}`, 1024),
      source: c.environment,
      severity: PD_SEVERITY[c.severity],
      ...(c.check ? { component: c.check } : {}),
      ...(c.rule ? { class: c.rule } : {}),
      custom_details: {
        event: c.event, fingerprint: c.fingerprint, severity: sevName(c.severity), respond: c.targets.response, resolve: c.targets.resolution, 'key figure': cut(c.keyFigure, FIGURE_MAX),
        ...(c.previousSeverity ? { 'previous severity': sevName(c.previousSeverity) } : {}),
      },
    },
    ...(links.length ? { links } : {}),
    client: 'launchguard',
    ...(c.runUrl ? { client_url: c.runUrl } : {}),
  };
}

// Slack incoming webhook with Block Kit (https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks).
const ICON: Readonly<Record<Severity, string>> = { sev1: '🔴', sev2: '🟠', sev3: '🟡', sev4: '🔵' };

/** Slack's mrkdwn: &, < and > are escaped (https://docs.slack.dev/messaging/formatting-message-text#escaping), so no link or mention can be made. */
export function slackEscape(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function slackMessage(c: Change): Record<string, unknown> {
  const icon = c.event === 'closed' ? '✅' : ICON[c.severity];
  const head = `${icon} ${headline(c)}`;
  const links = [...(c.issueUrl ? [`<${c.issueUrl}|GitHub issue #${c.issueNumber}>`] : []), ...(c.runUrl ? [`<${c.runUrl}|launchguard run>`] : [])];
  // verbatim: Slack's automatic parsing (on by default) links bare URLs and parses "certain
  // mentions" in plain text (https://docs.slack.dev/reference/block-kit/composition-objects/text-object).
  const field = (name: string, value: string) => ({ type: 'mrkdwn', text: `*${name}*\n${slackEscape(value)}`, verbatim: true });
  return {
    // The notification's text is mrkdwn too: escaped, so a title cannot mention (<!channel>) or link.
    text: slackEscape(cut(head, 300)),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cut(head, 150), emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: slackEscape(figure(c)), verbatim: true } },
      {
        type: 'section',
        fields: [
          field('Severity', sevName(c.severity)), field('Environment', cut(c.environment, 100)),
          field('Respond', c.targets.response), field('Resolve', c.targets.resolution),
        ],
      },
      ...(links.length ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: links.join(' · ') }] }] : []),
    ],
  };
}

// Microsoft Teams workflow webhook, an Adaptive Card in a message envelope
// (https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using).

/** Adaptive Cards render a Markdown subset: ASCII punctuation is backslash-escaped (CommonMark), newlines folded. */
export function teamsEscape(s: string): string {
  let out = '';
  for (const ch of s) out += ch === '\n' || ch === '\r' ? ' ' : '\\`*_{}[]()#+-.!<>|~'.includes(ch) ? `\\${ch}` : ch;
  return out;
}

const COLOR: Readonly<Record<Severity, string>> = { sev1: 'Attention', sev2: 'Attention', sev3: 'Warning', sev4: 'Default' };

export function teamsMessage(c: Change): Record<string, unknown> {
  const actions = [
    ...(c.issueUrl ? [{ type: 'Action.OpenUrl', title: `GitHub issue #${c.issueNumber}`, url: c.issueUrl }] : []),
    ...(c.runUrl ? [{ type: 'Action.OpenUrl', title: 'launchguard run', url: c.runUrl }] : []),
  ];
  const fact = (title: string, value: string) => ({ title, value: teamsEscape(value) });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: teamsEscape(headline(c)), weight: 'Bolder', size: 'Medium', wrap: true, color: c.event === 'closed' ? 'Good' : COLOR[c.severity] },
            { type: 'TextBlock', text: teamsEscape(figure(c)), wrap: true },
            {
              type: 'FactSet',
              facts: [fact('Severity', sevName(c.severity)), fact('Environment', cut(c.environment, 100)), fact('Respond', c.targets.response), fact('Resolve', c.targets.resolution)],
            },
          ],
          ...(actions.length ? { actions } : {}),
        },
      },
    ],
  };
}

/** The generic webhook's JSON: the change as data, with the time it was sent (signed with the rest). */
export function webhookEvent(c: Change, now: Date): Record<string, unknown> {
  return {
    source: 'launchguard',
    event: c.event,
    sentAt: now.toISOString(),
    environment: c.environment,
    fingerprint: c.fingerprint,
    severity: c.severity,
    ...(c.previousSeverity ? { previousSeverity: c.previousSeverity } : {}),
    peakSeverity: c.peakSeverity,
    title: cut(c.title, TITLE_MAX),
    keyFigure: cut(c.keyFigure, FIGURE_MAX),
    targets: { response: c.targets.response, resolution: c.targets.resolution },
    ...(c.issueNumber !== undefined ? { issue: { number: c.issueNumber, ...(c.issueUrl ? { url: c.issueUrl } : {}) } } : {}),
    ...(c.runUrl ? { runUrl: c.runUrl } : {}),
  };
}

/** At most `max` characters (never half a surrogate pair), an ellipsis marking a cut. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let keep = max - 1;
  const code = s.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep--;
  return `${s.slice(0, keep)}…`;
}
