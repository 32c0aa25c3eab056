import { readFileSync } from 'node:fs';
import { Agent, request, type Dispatcher } from 'undici';
import { UserError } from '../config/errors.js';
import type { FailureClass, HttpOutcome } from '../core/types.js';
import type { Clock } from '../ports.js';

export interface HttpRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  /** Follow a redirect from https to http (off by default: the request would go out in cleartext). */
  readonly allowInsecureRedirect?: boolean;
}

/** The HTTP side effect, behind an interface so checks can be driven by anything that answers. */
export interface HttpClient {
  send(req: HttpRequest): Promise<HttpOutcome>;
  close(): Promise<void>;
}

export interface TlsOptions {
  readonly caFile?: string;
  readonly rejectUnauthorized: boolean;
}

const MAX_REDIRECTS = 5;

export function createHttpClient(clock: Clock, tls?: TlsOptions): HttpClient {
  const agent = new Agent({
    connect: {
      rejectUnauthorized: tls?.rejectUnauthorized ?? true,
      ...(tls?.caFile ? { ca: readCa(tls.caFile) } : {}),
    },
    keepAliveTimeout: 1000,
  });
  const dispatcher: Dispatcher = agent;

  return {
    async send(req) {
      const started = clock.monotonic();
      const signal = AbortSignal.timeout(req.timeoutMs);
      try {
        const res = await requestFollowing(req, dispatcher, signal);
        const { body, truncated } = await readCapped(res.body, req.maxBodyBytes);
        const retryAfterMs = res.statusCode === 429 || res.statusCode === 503 ? parseRetryAfter(res.headers['retry-after'], clock.now()) : undefined;
        return {
          kind: 'response', status: res.statusCode, latencyMs: clock.monotonic() - started, body, truncated, headers: flatHeaders(res.headers),
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        };
      } catch (err) {
        const latencyMs = clock.monotonic() - started;
        const { cls, message } = classify(err, signal.aborted, req.timeoutMs);
        return { kind: 'error', class: cls, message, latencyMs };
      }
    },
    async close() {
      await agent.close();
    },
  };
}

class RedirectRefused extends Error {
  readonly code = 'LG_REDIRECT';
}

/** Request headers that follow a redirect to another origin: they carry no credentials. */
const CROSS_ORIGIN_HEADERS: ReadonlySet<string> = new Set(['accept', 'accept-encoding', 'if-none-match', 'if-modified-since']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends the request and follows at most MAX_REDIRECTS redirects itself (undici's interceptor keeps
 * custom headers across origins). Leaving the first origin drops every configured header (API keys,
 * secret and custom headers, not just Authorization and Cookie) for the rest of the chain; an
 * https → http redirect is refused unless the request allows it; 303 (and 301/302 after a POST)
 * continue as a GET without a body, as browsers do.
 */
async function requestFollowing(req: HttpRequest, dispatcher: Dispatcher, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
  let url = new URL(req.url);
  const origin = url.origin;
  let method = req.method;
  let body = req.body;
  let headers: Record<string, string> = { ...req.headers };
  for (let hop = 0; ; hop++) {
    const res = await request(url, { method: method as Dispatcher.HttpMethod, headers: { 'user-agent': 'launchguard', ...headers }, body, dispatcher, signal });
    const location = res.headers.location;
    const loc = Array.isArray(location) ? location[0] : location;
    if (!REDIRECTS.has(res.statusCode) || !loc) return res;
    // A redirect's own body is not read: undici's dump() reads a little (at most 128 KiB) and closes it quietly.
    await res.body.dump().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) throw new RedirectRefused(`more than ${MAX_REDIRECTS} redirects (a redirect loop?)`);
    let next: URL;
    try {
      next = new URL(loc, url);
    } catch {
      throw new RedirectRefused(`HTTP ${res.statusCode} to a Location that is not a URL`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new RedirectRefused(`HTTP ${res.statusCode} to a ${next.protocol} URL, which is never followed`);
    if (url.protocol === 'https:' && next.protocol === 'http:' && !req.allowInsecureRedirect) {
      throw new RedirectRefused(`HTTP ${res.statusCode} from https to http (${next.origin}), not followed: the request would go out in cleartext (allow-insecure-redirect: true allows it)`);
    }
    // Another origin gets none of the configured headers (they may carry secrets), only the request's
    // own content negotiation and validators, so an audit across a CDN redirect still asks the same question.
    if (next.origin !== origin) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => CROSS_ORIGIN_HEADERS.has(k.toLowerCase())));
    if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
      if (method !== 'HEAD') method = 'GET';
      body = undefined;
      delete headers['content-type'];
    }
    url = next;
  }
}

/** Response headers by lower-case name, a repeated header joined with ", " (set-cookie is dropped: it carries sessions). */
function flatHeaders(h: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    const name = k.toLowerCase();
    if (v === undefined || name === 'set-cookie') continue;
    out[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** The configured CA file: one that cannot be read is the config's error, named as such. */
export function readCa(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new UserError(`config tls.ca: cannot read the CA file ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, now: Date): number | undefined {
  const v = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - now.getTime()) : undefined;
}

/** Reads at most `cap` bytes, then drops the connection: a huge body cannot exhaust memory. */
async function readCapped(body: Dispatcher.ResponseData['body'], cap: number): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    if (size + buf.length > cap) {
      chunks.push(buf.subarray(0, cap - size));
      body.destroy();
      return { body: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(buf);
    size += buf.length;
  }
  return { body: Buffer.concat(chunks), truncated: false };
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** Maps a transport error to a failure class and one readable sentence. */
export function classify(err: unknown, timedOut: boolean, timeoutMs: number): { cls: FailureClass; message: string } {
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const detail = e.cause?.message ?? e.message ?? String(err);
  if (err instanceof RedirectRefused) return { cls: 'redirect', message: err.message };
  if (timedOut || e.name === 'TimeoutError' || code.startsWith('UND_ERR_') && code.includes('TIMEOUT')) {
    return { cls: 'timeout', message: `no complete response within ${timeoutMs} ms` };
  }
  if (code === 'LG_BODY_TOO_LARGE') return { cls: 'body', message: detail };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
    return { cls: 'dns', message: `DNS lookup failed (${code})` };
  }
  if (code === 'ECONNREFUSED') return { cls: 'refused', message: 'connection refused (nothing listens on that port)' };
  if (TLS_CODES.has(code) || /certificate|ssl|tls/i.test(detail)) {
    return { cls: 'tls', message: `TLS handshake failed: ${code || detail}` };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED' || code === 'LG_CONNECTION_CLOSED') {
    return { cls: 'reset', message: `the connection was closed before a complete response (${code})` };
  }
  return { cls: 'reset', message: `request failed: ${code ? `${code}: ` : ''}${detail}` };
}

/** Failures worth another attempt: the network, or the server saying it is briefly unavailable. */
export function isTransient(outcome: HttpOutcome): boolean {
  if (outcome.kind === 'error') return outcome.class !== 'tls' && outcome.class !== 'redirect';
  return outcome.status >= 500 || outcome.status === 429;
}

/**
 * Failures where the request cannot have reached the server: sending it again cannot repeat a
 * side effect. A timeout or a reset may come after the server got the request.
 */
export function neverSent(outcome: HttpOutcome): boolean {
  return outcome.kind === 'error' && (outcome.class === 'dns' || outcome.class === 'refused');
}
