import { readFileSync } from 'node:fs';
import { Agent, interceptors, request, type Dispatcher } from 'undici';
import type { FailureClass, HttpOutcome } from '../core/types.js';
import type { Clock } from '../ports.js';

export interface HttpRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
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
      ...(tls?.caFile ? { ca: readFileSync(tls.caFile) } : {}),
    },
    keepAliveTimeout: 1000,
  });
  const dispatcher: Dispatcher = agent.compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTS, throwOnMaxRedirect: true }));

  return {
    async send(req) {
      const started = clock.monotonic();
      const signal = AbortSignal.timeout(req.timeoutMs);
      try {
        const res = await request(req.url, {
          method: req.method as Dispatcher.HttpMethod,
          headers: { 'user-agent': 'launchguard', ...req.headers },
          body: req.body,
          dispatcher,
          signal,
        });
        const { body, truncated } = await readCapped(res.body, req.maxBodyBytes);
        const retryAfterMs = res.statusCode === 429 || res.statusCode === 503 ? parseRetryAfter(res.headers['retry-after'], clock.now()) : undefined;
        return { kind: 'response', status: res.statusCode, latencyMs: clock.monotonic() - started, body, truncated, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
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
  if (code === 'UND_ERR_REDIRECT_MAX' || /redirect/i.test(detail)) {
    return { cls: 'redirect', message: `more than ${MAX_REDIRECTS} redirects (a redirect loop?)` };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
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
