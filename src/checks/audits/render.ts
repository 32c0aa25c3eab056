import type { EvalContext, Judged, Rendered } from '../check.js';
import { RenderedBuilder, round } from '../rendering.js';
import { describeRequirement } from './cache-control.js';
import type { AuditVerdict } from './evaluate.js';

/** Bytes for people: "1.2 kB", "312 B" (kB = 1000 bytes, as the config writes them). */
export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${round(n / 1_000_000)} MB`;
  if (n >= 1000) return `${round(n / 1000)} kB`;
  return `${n} B`;
}

const TLS_NAMES: Readonly<Record<string, string>> = {
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate does not name this host',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the issuer cannot be found: an incomplete chain (no intermediate sent) or a CA that is not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'incomplete chain: the issuer is neither sent nor trusted',
  UNABLE_TO_GET_ISSUER_CERT: 'incomplete chain: the issuer certificate is missing',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'a self-signed certificate in the chain (an untrusted root)',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
};

/** The audits as a checklist: one row per audit (✅/❌ in the summary), each failing one with its fix in one line. */
export function renderAudits(judged: Judged<AuditVerdict>, ctx: EvalContext): Rendered {
  const b = new RenderedBuilder(ctx, 'audits');
  for (const v of judged.verdicts) {
    const url = v.result.url;
    const fail = (budget: string, value: string, title: string, detail: string, remediation: string, measured?: { value: number | string; unit?: string; budget?: number | string }) => {
      const f = v.graded && b.finding(v.subject, v.graded, title, detail, { remediation, ...(measured ? { measured } : {}) });
      b.fail(v.subject, value, budget, f || undefined, url);
    };
    switch (v.kind) {
      case 'failed':
        if (v.explainedBy !== undefined) {
          b.row(v.subject, `not judged: ${v.failure.class}: ${v.failure.message}`, 'answers 2xx', 'skip');
          b.note(`audits: ${v.subject} not judged: the certificate problem reported as ${v.explainedBy} refuses the request`);
          break;
        }
        fail('answers 2xx', `${v.failure.class}: ${v.failure.message}`, `audit ${v.subject} could not run`, `GET ${url}: ${v.failure.class}: ${v.failure.message}`,
          'Check the path in audits: and that the endpoint answers a GET.', { value: v.failure.class });
        break;
      case 'uncompressed':
        fail(`compressed when ≥ ${formatBytes(v.result.minSize)}`, `${formatBytes(v.bytes)} uncompressed${v.result.truncated ? ' (at least: cut at the body cap)' : ''}`,
          `responses of ${v.result.subject} not compressed`,
          `GET ${url} with Accept-Encoding: gzip, br answered ${formatBytes(v.bytes)} without Content-Encoding; gzipped it would be ${formatBytes(v.gzipBytes)}, ${formatBytes(v.savedBytes)} (${pctSaved(v)}) less per response`,
          'Enable response compression, e.g. app.add_middleware(GZipMiddleware, minimum_size=1000) in FastAPI, or compression() in Express.',
          { value: v.bytes, unit: 'B', budget: v.gzipBytes });
        break;
      case 'compression-ok': {
        const r = v.result;
        b.row(v.subject, v.compressed ? `${r.encoding} (${formatBytes(r.bytes ?? 0)})` : `${formatBytes(r.bytes ?? 0)}, under ${formatBytes(r.minSize)}`, `compressed when ≥ ${formatBytes(r.minSize)}`, 'pass');
        if (v.varyMissing) b.note(`audits: ${r.subject} is compressed but has no "Vary: Accept-Encoding": a shared cache may serve the compressed body to a client that cannot read it`);
        break;
      }
      case 'unpaginated': {
        const r = v.result;
        const why = [
          ...(v.overItems ? [`${r.items}${r.truncated ? ' or more' : ''} items, over ${r.maxItems}`] : []),
          ...(v.overBytes ? [`${formatBytes(r.bytes ?? 0)}${r.truncated ? ' or more' : ''}, over ${formatBytes(r.maxBytes)}`] : []),
          ...(v.ignores ? [ignoresText(v.ignores)] : []),
        ];
        fail(`≤ ${r.maxItems} items, ≤ ${formatBytes(r.maxBytes)}, honours limit and page`, why.join('; '), `list ${r.subject} not paginated`,
          `GET ${url}: ${why.join('; ')}${v.ignores ? ` (compared with ${r.pageUrl})` : ''}`,
          'Paginate the list: take limit (capped, e.g. at 100) and page or skip parameters and apply them in the query (.skip().limit() in MongoDB).',
          r.items !== undefined ? { value: r.items, unit: 'items', budget: r.maxItems } : { value: r.bytes ?? 0, unit: 'B', budget: r.maxBytes });
        break;
      }
      case 'pagination-unjudged': {
        const what = v.why === 'no-list' ? `no list found in the body${v.result.truncated ? ' (cut at the body cap)' : ''}; set audits.pagination.items`
          : v.why === 'truncated' ? `${v.result.items} items read before the body cap (max-body-bytes); raise it to judge the list`
            : v.why === 'empty' ? 'the list is empty, so paging cannot be told apart'
              : v.why === 'params-in-path' ? 'the path already sets the limit or page parameter, so paging was not tried' : 'the second page could not be read';
        b.row(v.subject, `not judged: ${what}`, `≤ ${v.result.maxItems} items`, 'skip');
        break;
      }
      case 'pagination-ok':
        b.row(v.subject, `${v.result.items} items, ${formatBytes(v.result.bytes ?? 0)}, pages`, `≤ ${v.result.maxItems} items, ≤ ${formatBytes(v.result.maxBytes)}`, 'pass');
        break;
      case 'uncached': {
        const r = v.result;
        const found = cacheFound(r.cacheControl, r.etag, r.lastModified);
        fail(r.requirements.map(describeRequirement).join(', '), found, `caching of ${r.subject} not as expected`,
          `GET ${url}: ${found}; expected ${v.unmet.map(describeRequirement).join(', ')}`,
          'Send Cache-Control (e.g. "public, max-age=300") and an ETag on this response, and answer If-None-Match with 304.');
        if (v.etagWithout304) b.note(etagNote(r.subject, r.conditionalStatus));
        break;
      }
      case 'caching-ok':
        b.row(v.subject, cacheFound(v.result.cacheControl, v.result.etag, v.result.lastModified), v.result.requirements.map(describeRequirement).join(', '), 'pass');
        if (v.etagWithout304) b.note(etagNote(v.result.subject, v.result.conditionalStatus));
        break;
      case 'oversize':
        fail(`≤ ${formatBytes(v.result.budget)}`, `${formatBytes(v.bytes)}${v.result.truncated ? ' or more' : ''}`, `response of ${v.result.subject} over its size budget`,
          `GET ${url} answered ${formatBytes(v.bytes)}${v.result.truncated ? ' or more (cut at the body cap)' : ''}, over its budget of ${formatBytes(v.result.budget)}`,
          'Trim the response: paginate, project only the fields clients use, or raise audits.size if the growth is intended.',
          { value: v.bytes, unit: 'B', budget: v.result.budget });
        break;
      case 'size-ok':
        b.row(v.subject, formatBytes(v.bytes), `≤ ${formatBytes(v.result.budget)}`, 'pass');
        break;
      case 'header-missing': {
        const hsts = v.header === 'hsts';
        const found = hsts ? v.result.strictTransportSecurity : v.result.contentTypeOptions;
        fail(hsts ? 'Strict-Transport-Security' : 'X-Content-Type-Options: nosniff', found === undefined ? 'missing' : `"${found}"`,
          hsts ? 'HSTS header missing' : 'X-Content-Type-Options: nosniff missing',
          `GET ${url}: ${hsts ? 'no Strict-Transport-Security header' : `X-Content-Type-Options is ${found === undefined ? 'missing' : `"${found}"`}`}`,
          hsts ? 'Send "Strict-Transport-Security: max-age=31536000; includeSubDomains" on https responses.' : 'Send "X-Content-Type-Options: nosniff" on every response.');
        break;
      }
      case 'header-ok':
        b.row(v.subject, 'present', v.header === 'hsts' ? 'Strict-Transport-Security' : 'X-Content-Type-Options: nosniff', 'pass');
        break;
      case 'tls-expiry': {
        const r = v.result;
        const days = round(v.daysLeft);
        const budget = `> ${v.warnDays} days left`;
        const value = v.level === 'expired' ? `expired ${round(-v.daysLeft)} days ago (${r.validTo})` : `${days} days left (until ${r.validTo})`;
        if (v.level === 'ok') {
          b.row(v.subject, value, budget, 'pass');
          break;
        }
        fail(budget, value, v.level === 'expired' ? `TLS certificate of ${r.subject} expired` : `TLS certificate of ${r.subject} expires soon`,
          `the certificate of ${r.subject} (${r.subjectName ?? 'unnamed'}, issued by ${r.issuerName ?? 'unknown'}) ${v.level === 'expired' ? 'has expired' : `expires in ${days} days`}: valid until ${r.validTo}${v.level === 'critical' ? `, under ${v.criticalDays} days` : v.level === 'warn' ? `, under ${v.warnDays} days` : ''}`,
          'Renew the certificate now and check that automatic renewal (certbot renew, your platform\'s managed certificates) runs.',
          { value: days, unit: 'days', budget: v.level === 'critical' ? v.criticalDays : v.warnDays });
        break;
      }
      case 'tls-trust': {
        const r = v.result;
        const what = `${v.code}: ${TLS_NAMES[v.code] ?? 'the certificate is not trusted'}`;
        if (v.waived) {
          b.note(`audits: ${r.subject}: ${what} (not graded: tls.reject-unauthorized is false)`);
          b.row(v.subject, what, 'trusted', 'skip');
          break;
        }
        fail('trusted', what, v.problem === 'hostname' ? `TLS certificate of ${r.subject} names another host` : v.problem === 'chain' ? `TLS chain of ${r.subject} incomplete` : `TLS certificate of ${r.subject} not trusted`,
          `${r.subject}: ${what}; chain sent: ${(r.chain ?? []).join(' → ') || 'none'}`,
          v.problem === 'hostname' ? 'Issue the certificate for this host name (a SAN entry for it).' : v.problem === 'chain' ? 'Serve the full chain (fullchain.pem, not cert.pem): leaf and intermediates; for a private CA, set tls.ca to it.' : 'Serve a certificate from a trusted CA, or set tls.ca to the CA that issued it.',
          { value: v.code });
        break;
      }
    }
  }
  return b.done();
}

function pctSaved(v: { bytes: number; savedBytes: number }): string {
  return v.bytes > 0 ? `${Math.round((v.savedBytes / v.bytes) * 100)} %` : '0 %';
}

function ignoresText(i: 'limit-and-page' | 'limit' | 'page'): string {
  if (i === 'limit-and-page') return 'limit and page are ignored (the second page equals the first)';
  if (i === 'limit') return 'limit is ignored (limit=1 returned more than one item)';
  return 'page is ignored (page 2 repeats the first item)';
}

function cacheFound(cc: string | undefined, etag: string | undefined, lm: string | undefined): string {
  const parts = [cc !== undefined ? `Cache-Control "${cc}"` : 'no Cache-Control', etag !== undefined ? 'ETag' : 'no ETag', ...(lm !== undefined ? ['Last-Modified'] : [])];
  return parts.join(', ');
}

function etagNote(subject: string, status: number | undefined): string {
  return `audits: ${subject} sends an ETag, but If-None-Match with it answered HTTP ${status}, not 304: every client downloads the whole body again`;
}
