import { z } from 'zod';
import { severity, uniqueNames } from '../config/fields.js';

/**
 * `notifications:` in the config: channels told when an incident changes (opened, escalated,
 * de-escalated, closed, reopened). Every URL, routing key and secret is a secret of the run.
 */

/** Where PagerDuty's Events API v2 takes events, unless `url` says otherwise (a relay, a test). */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

const url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const common = {
  /** Names the channel in notes and the summary (never its URL). */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'expected a name of letters, digits, "_", "." and "-"' }).max(64),
  /**
   * The least severe incident the channel hears of. sev4 (the default) is every incident that has
   * an issue: the incidents' own `min-severity` already decides which findings become incidents.
   */
  'min-severity': severity.default('sev4'),
  /** Only incidents of these environments (default: all). */
  environments: z.array(z.string().min(1)).min(1).optional(),
};

const pagerduty = z.strictObject({
  type: z.literal('pagerduty'),
  ...common,
  /** The Events API v2 integration key of a PagerDuty service. */
  'routing-key': z.string().min(1),
  /** Default https://events.pagerduty.com/v2/enqueue. */
  url: url.optional(),
});
const slack = z.strictObject({ type: z.literal('slack'), ...common, url });
const teams = z.strictObject({ type: z.literal('teams'), ...common, url });
const webhook = z.strictObject({
  type: z.literal('webhook'),
  ...common,
  url,
  /** When set, each POST carries `X-Launchguard-Signature-256: sha256=<HMAC-SHA256 of the body, hex>`. */
  secret: z.string().min(1).optional(),
});

export const channelSchema = z.discriminatedUnion('type', [pagerduty, slack, teams, webhook], { error: 'expected type: pagerduty, slack, teams or webhook' });
export type Channel = z.infer<typeof channelSchema>;
export type ChannelType = Channel['type'];

export const notificationsSchema = z.array(channelSchema).max(20).superRefine(uniqueNames);
export type NotificationsConfig = z.infer<typeof notificationsSchema>;

/** Every value of a channel that is a secret: its URL (when set), routing key and signing secret. */
export function channelSecrets(channels: NotificationsConfig): string[] {
  return channels.flatMap((c) => [c.url, c.type === 'pagerduty' ? c['routing-key'] : undefined, c.type === 'webhook' ? c.secret : undefined]).filter((s): s is string => Boolean(s));
}
