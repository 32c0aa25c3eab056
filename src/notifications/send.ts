import { Agent, request } from 'undici';
import { formatMs } from '../config/duration.js';
import { md } from '../core/markdown.js';
import { oneLine } from '../core/text.js';
import type { HttpOutcome } from '../core/types.js';
import { classify, isTransient, parseRetryAfter, type HttpClient } from '../http/client.js';
import { sendWithRetry, type RetryPolicy } from '../http/retry.js';
import { buildRequest, headline } from './payloads.js';
import { planNotices, type Change, type Notice, type NoticeInput } from './plan.js';

/**
 * The I/O of notifications: each channel's notices POSTed in order, every channel settled on its
 * own, so one failing channel is a note and a warning, never a failed run or a lost issue update.
 * 5xx, 429 and network failures are retried with backoff (p-retry, through http/retry.ts),
 * honouring Retry-After up to a cap; a 4xx is final. Redirects are never followed: the body
 * carries the routing key.
 */

export interface NotifyDeps {
  readonly now: () => Date;
  /** The run's redactor: what a notice quotes from the target is redacted again before it leaves. */
  readonly redact: <T>(v: T) => T;
  readonly dryRun: boolean;
  readonly http?: HttpClient;
  readonly policy?: RetryPolicy;
  readonly timeoutMs?: number;
  /** How long one channel may take in a run, its retries included (default CHANNEL_BUDGET_MS). */
  readonly channelBudgetMs?: number;
}

export interface NotifyResult {
  /** For the summary, one per channel (Markdown: target text is escaped). */
  readonly lines: readonly string[];
  /** Each undelivered notice: a line of the summary (Markdown) and a warning annotation (plain text). */
  readonly failures: readonly { readonly markdown: string; readonly plain: string }[];
}

/** A failure in both forms: `target` is the only part from outside (a fingerprint, a service's answer). */
function failure(prefix: string, target: string, suffix = ''): { markdown: string; plain: string } {
  return { markdown: `${prefix}${md(target)}${suffix}`, plain: oneLine(`${prefix}${target}${suffix}`) };
}

const POLICY: RetryPolicy = { retries: 3, delayMs: 500, idempotent: true, maxRetryAfterMs: 30_000 };
const TIMEOUT_MS = 10_000;
/**
 * One channel's time in a run, checked before each notice: a service that answers every POST, but
 * slowly, cannot hold the job notice after notice. A channel takes at most this plus one notice's
 * attempts (4 of 10 s at most, their backoff and Retry-After waits).
 */
const CHANNEL_BUDGET_MS = 60_000;
/** What is read of a service's answer: enough for its error message. */
const ANSWER_MAX = 4096;

export async function notify(input: NoticeInput, deps: NotifyDeps): Promise<NotifyResult> {
  const notices = planNotices(input).map((n) => ({ ...n, change: deps.redact<Change>(n.change) }));
  if (deps.dryRun) {
    return { lines: notices.map((n) => `notifications: ${n.channel.name} (${n.channel.type}): dry-run, would send: ${md(headline(n.change))}`), failures: [] };
  }
  if (notices.length === 0) return { lines: [], failures: [] };
  const http = deps.http ?? postClient();
  try {
    const byChannel = new Map<string, Notice[]>();
    for (const n of notices) byChannel.set(n.channel.name, [...(byChannel.get(n.channel.name) ?? []), n]);
    const settled = await Promise.all([...byChannel].map(([name, list]) => sendChannel(name, list, http, deps).catch((err: unknown) => ({ sent: [], failures: [failure(`notifications: ${name}: `, deps.redact((err as Error).message))] }))));
    const lines: string[] = [];
    const failures: NotifyResult['failures'][number][] = [];
    [...byChannel.keys()].forEach((name, i) => {
      const r = settled[i]!;
      if (r.sent.length) lines.push(`notifications: ${name}: sent ${r.sent.join(', ')}`);
      failures.push(...r.failures);
    });
    return { lines, failures };
  } finally {
    if (!deps.http) await http.close();
  }
}

/**
 * One channel's notices, in order: a trigger before its resolve. A channel that did not answer
 * (a network failure, a timeout, a 5xx or 429 after the retries) is not tried again this run: the
 * rest of its notices are notes, so a hanging service cannot hold the job up notice after notice;
 * nor can one that answers slowly, past the channel's time budget.
 */
async function sendChannel(name: string, list: readonly Notice[], http: HttpClient, deps: NotifyDeps): Promise<{ sent: string[]; failures: NotifyResult['failures'][number][] }> {
  const sent: string[] = [];
  const failures: NotifyResult['failures'][number][] = [];
  let down = false;
  const budget = deps.channelBudgetMs ?? CHANNEL_BUDGET_MS;
  const started = performance.now();
  for (const n of list) {
    const what = `notifications: ${name}: the ${n.change.event} notice of `;
    if (down) {
      failures.push(failure(what, n.change.fingerprint, ' was not sent: the channel did not answer the one before'));
      continue;
    }
    if (performance.now() - started >= budget) {
      failures.push(failure(what, n.change.fingerprint, ` was not sent: the channel used its time for this run (${formatMs(budget)})`));
      continue;
    }
    const req = buildRequest(n, deps.now());
    const { outcome, attempts, note } = await sendWithRetry(
      http,
      { url: req.url, method: 'POST', headers: req.headers, body: req.body, timeoutMs: deps.timeoutMs ?? TIMEOUT_MS, maxBodyBytes: ANSWER_MAX },
      deps.policy ?? POLICY,
    );
    if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
      sent.push(n.change.event);
      continue;
    }
    down = isTransient(outcome);
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    const [plainWhy, mdWhy] = why(outcome, deps.redact);
    const tail = `${note ? ` (${note})` : ''}`;
    failures.push({ markdown: `${what}${md(n.change.fingerprint)} was not delivered${tries}: ${mdWhy}${tail}`, plain: oneLine(`${what}${n.change.fingerprint} was not delivered${tries}: ${plainWhy}${tail}`) });
  }
  return { sent, failures };
}

/**
 * Why a notice was not delivered: plain, and for Markdown (the service's answer is outside text).
 * Redacted before it is escaped: escaped, a secret (`a_b` as `a\_b`) no longer matches the redactor.
 */
function why(o: HttpOutcome, redact: <T>(v: T) => T): [string, string] {
  if (o.kind === 'error') {
    const m = redact(o.message);
    return [m, md(m)];
  }
  if (o.status >= 300 && o.status < 400) {
    const t = `HTTP ${o.status}, a redirect, which is not followed (set the channel's url to where it points)`;
    return [t, t];
  }
  // The whole answer read is redacted before the cut: a cut could leave half a secret unrecognised.
  const answer = redact(o.body.toString('utf8')).slice(0, 200).trim();
  return [`HTTP ${o.status}${answer ? `: ${answer}` : ''}`, `HTTP ${o.status}${answer ? `: ${md(answer)}` : ''}`];
}

/** A POST without redirects, with a whole-exchange timeout and a capped answer. */
export function postClient(): HttpClient {
  const agent = new Agent({ keepAliveTimeout: 1000 });
  return {
    async send(req) {
      const started = performance.now();
      const signal = AbortSignal.timeout(req.timeoutMs);
      try {
        const res = await request(req.url, { method: 'POST', headers: { 'user-agent': 'launchguard', ...req.headers }, body: req.body, dispatcher: agent, signal }); // undici's request follows no redirect
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of res.body as AsyncIterable<Buffer>) {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= req.maxBodyBytes) break; // leaving the loop destroys the rest
        }
        const retryAfterMs = res.statusCode === 429 || res.statusCode === 503 ? parseRetryAfter(res.headers['retry-after'], new Date()) : undefined;
        return {
          kind: 'response', status: res.statusCode, latencyMs: performance.now() - started, body: Buffer.concat(chunks).subarray(0, req.maxBodyBytes), truncated: size > req.maxBodyBytes,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        };
      } catch (err) {
        const { cls, message } = classify(err, signal.aborted, req.timeoutMs);
        return { kind: 'error', class: cls, message, latencyMs: performance.now() - started };
      }
    },
    close: () => agent.close(),
  };
}
