import { isIP } from 'node:net';
import { checkServerIdentity, connect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { readCa } from '../../http/client.js';
import type { TlsResult } from './types.js';

export interface TlsInspectOptions {
  readonly timeoutMs: number;
  readonly caFile?: string;
  readonly trustWaived: boolean;
  readonly warnDays: number;
  readonly criticalDays: number;
  readonly now: () => Date;
}

const MAX_CHAIN = 10;

/**
 * Reads one https origin's certificate with `node:tls`: connects with `rejectUnauthorized: false`
 * (an expired or untrusted certificate must still be read), then reports node's own verdict by
 * name (`authorizationError`) and checks the host name itself. Every wait is bounded by the
 * timeout and the socket is always closed.
 */
export async function inspectTls(origin: string, opts: TlsInspectOptions): Promise<TlsResult> {
  const u = new URL(origin);
  const host = u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname;
  const port = u.port ? Number(u.port) : 443;
  const base = {
    audit: 'tls' as const, subject: u.host, url: u.origin, host, port,
    warnDays: opts.warnDays, criticalDays: opts.criticalDays, trustWaived: opts.trustWaived, checkedAt: opts.now().toISOString(),
  };
  let socket: TLSSocket | undefined;
  try {
    const ca = opts.caFile ? readCa(opts.caFile) : undefined;
    socket = await new Promise<TLSSocket>((resolve, reject) => {
      const s = connect({
        host, port, rejectUnauthorized: false, ...(isIP(host) ? {} : { servername: host }), ...(ca ? { ca } : {}),
      });
      const timer = setTimeout(() => reject(Object.assign(new Error(`no TLS handshake within ${opts.timeoutMs} ms`), { code: 'ETIMEDOUT' })), opts.timeoutMs);
      s.once('secureConnect', () => { clearTimeout(timer); resolve(s); });
      s.on('error', (err) => { clearTimeout(timer); reject(err); });
      socket = s;
    });
    const cert = socket.getPeerCertificate(true);
    if (!cert || Object.keys(cert).length === 0) return { ...base, failure: { class: 'tls', message: 'the server sent no certificate' } };
    const identity = checkServerIdentity(host, cert);
    const authorizationError = socket.authorized ? undefined : errorName(socket.authorizationError);
    return {
      ...base,
      validTo: new Date(cert.valid_to).toISOString(),
      ...(Number.isFinite(Date.parse(cert.valid_from)) ? { validFrom: new Date(cert.valid_from).toISOString() } : {}),
      subjectName: nameOf(cert.subject) ?? firstSan(cert.subjectaltname),
      issuerName: nameOf(cert.issuer),
      chain: chainOf(cert),
      ...(authorizationError ? { authorizationError } : {}),
      ...(identity ? { hostnameError: (identity as NodeJS.ErrnoException).code ?? 'ERR_TLS_CERT_ALTNAME_INVALID' } : {}),
    };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const timeout = e.code === 'ETIMEDOUT';
    const cls = timeout ? 'timeout' : e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? 'dns' : 'tls';
    return { ...base, failure: { class: cls, message: `${e.code ? `${e.code}: ` : ''}${e.message}` } };
  } finally {
    socket?.destroy();
  }
}

function errorName(e: string | Error | undefined): string {
  if (e === undefined) return 'UNKNOWN';
  return typeof e === 'string' ? e : ((e as NodeJS.ErrnoException).code ?? e.message);
}

function nameOf(n: { CN?: string | string[] } | undefined): string | undefined {
  const cn = n?.CN;
  return Array.isArray(cn) ? cn[0] : cn;
}

function firstSan(san: string | undefined): string | undefined {
  return san?.split(',')[0]?.trim();
}

/** The chain, leaf first, by common name; it stops at a self-issued certificate (node links it to itself). */
function chainOf(cert: DetailedPeerCertificate): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let c: DetailedPeerCertificate | undefined = cert;
  while (c && out.length < MAX_CHAIN && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    out.push(nameOf(c.subject) ?? firstSan(c.subjectaltname) ?? '(unnamed)');
    c = c.issuerCertificate;
  }
  return out;
}
