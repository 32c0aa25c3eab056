import { fingerprint, grade, type EvalContext, type Graded, type Judged } from '../check.js';
import type { RuleId } from '../../core/severity.js';
import { meets, parseCacheControl, type CacheRequirement } from './cache-control.js';
import type { AuditFailure, AuditResult, CachingResult, CompressionResult, HeadersResult, PaginationResult, SizeResult, TlsResult } from './types.js';

const DAY_MS = 24 * 3600 * 1000;
const CHAIN_ERRORS = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);
const EXPIRY_ERRORS = new Set(['CERT_HAS_EXPIRED']);
const HOSTNAME_ERRORS = new Set(['ERR_TLS_CERT_ALTNAME_INVALID']);

type G = { readonly graded?: Graded };
/** What one audit found, as facts: no sentences (render.ts writes them). `subject` is the fingerprint's. */
export type AuditVerdict = { readonly subject: string } & G & (
  /** A request that got no usable answer; `explainedBy` names the TLS verdict that explains a TLS failure (no finding of its own). */
  | { readonly kind: 'failed'; readonly result: AuditResult; readonly failure: AuditFailure; readonly explainedBy?: string }
  | { readonly kind: 'uncompressed'; readonly result: CompressionResult; readonly bytes: number; readonly gzipBytes: number; readonly savedBytes: number }
  | { readonly kind: 'compression-ok'; readonly result: CompressionResult; readonly compressed: boolean; readonly varyMissing: boolean }
  | { readonly kind: 'unpaginated'; readonly result: PaginationResult; readonly overItems: boolean; readonly overBytes: boolean; readonly ignores?: 'limit-and-page' | 'limit' | 'page' }
  /** The list could not be judged: no list found, the body over its cap, or an empty list. */
  | { readonly kind: 'pagination-unjudged'; readonly result: PaginationResult; readonly why: 'no-list' | 'truncated' | 'empty' | 'page-failed' | 'params-in-path' }
  | { readonly kind: 'pagination-ok'; readonly result: PaginationResult }
  | { readonly kind: 'uncached'; readonly result: CachingResult; readonly unmet: readonly CacheRequirement[]; readonly etagWithout304: boolean }
  | { readonly kind: 'caching-ok'; readonly result: CachingResult; readonly etagWithout304: boolean }
  | { readonly kind: 'oversize'; readonly result: SizeResult; readonly bytes: number }
  | { readonly kind: 'size-ok'; readonly result: SizeResult; readonly bytes: number }
  | { readonly kind: 'header-missing'; readonly result: HeadersResult; readonly header: 'hsts' | 'nosniff' }
  | { readonly kind: 'header-ok'; readonly result: HeadersResult; readonly header: 'hsts' | 'nosniff' }
  | { readonly kind: 'tls-expiry'; readonly result: TlsResult; readonly daysLeft: number; readonly level: 'expired' | 'critical' | 'warn' | 'ok'; readonly warnDays: number; readonly criticalDays: number }
  | { readonly kind: 'tls-trust'; readonly result: TlsResult; readonly problem: 'hostname' | 'chain' | 'untrusted'; readonly code: string; readonly waived: boolean }
);

const SUBJECT_PREFIX: Record<AuditResult['audit'], string> = {
  compression: 'compression', pagination: 'pagination', caching: 'caching', size: 'size', headers: 'headers', tls: 'tls',
};

/** Pure: each audit's facts judged against its expectation. */
export function evaluateAudits(results: readonly AuditResult[], ctx: EvalContext): Judged<AuditVerdict> {
  const verdicts: AuditVerdict[] = [];
  const observed = new Set<string>();
  const push = (v: AuditVerdict) => {
    verdicts.push(v);
    // Only what was judged counts as looked at: a request another problem explains, a failure whose
    // rule is off, or a list that could not be judged is no evidence that an incident recovered.
    const judged = v.kind === 'failed' ? v.graded !== undefined : v.kind !== 'pagination-unjudged';
    if (judged) observed.add(fingerprint(ctx.environment, 'audits', v.subject));
  };
  const g = (rule: RuleId, on: boolean) => {
    const graded = on ? grade(ctx, rule) : undefined;
    return graded ? { graded } : {};
  };
  const tlsVerdicts = results.flatMap((r) => (r.audit === 'tls' ? judgeTls(r, ctx) : []));
  for (const r of results) {
    const subject = `${SUBJECT_PREFIX[r.audit]} ${r.subject}`;
    if (r.failure) {
      // One problem, one finding: a request refused for the certificate the TLS audit reports is explained by it.
      const origin = r.failure.class === 'tls' && r.audit !== 'tls' ? new URL(r.url).origin : undefined;
      const cause = origin === undefined ? undefined : tlsVerdicts.find((v) => v.result.url === origin && (v.kind === 'tls-trust' || (v.kind === 'tls-expiry' && v.level === 'expired')));
      const s = r.audit === 'headers' ? `${r.hsts ? 'hsts' : 'nosniff'} ${r.subject}` : subject;
      if (cause) push({ kind: 'failed', subject: s, result: r, failure: r.failure, explainedBy: cause.subject });
      else push({ kind: 'failed', subject: s, result: r, failure: r.failure, ...g('audits-failed', true) });
      continue;
    }
    switch (r.audit) {
      case 'compression': {
        const bytes = r.bytes ?? 0;
        if (r.gzipBytes !== undefined) {
          push({ kind: 'uncompressed', subject, result: r, bytes, gzipBytes: r.gzipBytes, savedBytes: Math.max(0, bytes - r.gzipBytes), ...g('audits-compression', true) });
        } else {
          const compressed = r.encoding !== undefined && r.encoding.trim().toLowerCase() !== 'identity';
          push({ kind: 'compression-ok', subject, result: r, compressed, varyMissing: compressed && !varies(r.vary) });
        }
        break;
      }
      case 'pagination':
        push(judgePagination(r, subject, g('audits-pagination', true)));
        break;
      case 'caching': {
        const cc = parseCacheControl(r.cacheControl);
        const unmet = r.requirements.filter((q) => !meets(q, cc, r.etag !== undefined, r.lastModified !== undefined));
        const etagWithout304 = r.etag !== undefined && r.conditionalStatus !== undefined && r.conditionalStatus !== 304;
        if (unmet.length > 0) push({ kind: 'uncached', subject, result: r, unmet, etagWithout304, ...g('audits-caching', true) });
        else push({ kind: 'caching-ok', subject, result: r, etagWithout304 });
        break;
      }
      case 'size': {
        const bytes = r.bytes ?? 0;
        if (bytes > r.budget) push({ kind: 'oversize', subject, result: r, bytes, ...g('audits-size', true) });
        else push({ kind: 'size-ok', subject, result: r, bytes });
        break;
      }
      case 'headers': {
        if (r.hsts && r.https) {
          const ok = r.strictTransportSecurity !== undefined && r.strictTransportSecurity.trim() !== '';
          push(ok ? { kind: 'header-ok', subject: `hsts ${r.subject}`, result: r, header: 'hsts' } : { kind: 'header-missing', subject: `hsts ${r.subject}`, result: r, header: 'hsts', ...g('audits-hsts', true) });
        }
        if (r.nosniff) {
          const ok = r.contentTypeOptions?.trim().toLowerCase() === 'nosniff';
          push(ok ? { kind: 'header-ok', subject: `nosniff ${r.subject}`, result: r, header: 'nosniff' } : { kind: 'header-missing', subject: `nosniff ${r.subject}`, result: r, header: 'nosniff', ...g('audits-nosniff', true) });
        }
        break;
      }
      case 'tls':
        for (const v of tlsVerdicts.filter((t) => t.result === r)) push(v);
        if (r.validTo !== undefined) for (const s of tlsSubjects(r.subject)) observed.add(fingerprint(ctx.environment, 'audits', s));
        break;
    }
  }
  return { verdicts, observed: [...observed] };
}

function varies(vary: string | undefined): boolean {
  if (vary === undefined) return false;
  return vary.split(',').some((v) => {
    const t = v.trim().toLowerCase();
    return t === 'accept-encoding' || t === '*';
  });
}

function judgePagination(r: PaginationResult, subject: string, graded: G): AuditVerdict {
  const overBytes = (r.bytes ?? 0) > r.maxBytes;
  const overItems = r.items !== undefined && r.items > r.maxItems;
  const ignores = r.page?.equalsFirst ? 'limit-and-page' : r.page?.items !== undefined && r.page.items > 1 ? 'limit' : r.page?.repeatsFirstItem ? 'page' : undefined;
  if (overBytes || overItems || ignores) return { kind: 'unpaginated', subject, result: r, overItems, overBytes, ...(ignores ? { ignores } : {}), ...graded };
  if (r.items === undefined) return { kind: 'pagination-unjudged', subject, result: r, why: 'no-list' };
  if (r.truncated) return { kind: 'pagination-unjudged', subject, result: r, why: 'truncated' };
  if (r.items === 0) return { kind: 'pagination-unjudged', subject, result: r, why: 'empty' };
  if (r.paramsInPath) return { kind: 'pagination-unjudged', subject, result: r, why: 'params-in-path' };
  if (r.page?.failure || r.page?.items === undefined) return { kind: 'pagination-unjudged', subject, result: r, why: 'page-failed' };
  return { kind: 'pagination-ok', subject, result: r };
}

/** The certificate's expiry, then its trust: the host name, the chain, anything else node refused (CERT_HAS_EXPIRED is the expiry's). */
function judgeTls(r: TlsResult, ctx: EvalContext): AuditVerdict[] {
  const out: AuditVerdict[] = [];
  const host = r.subject;
  if (r.validTo !== undefined) {
    const daysLeft = (Date.parse(r.validTo) - Date.parse(r.checkedAt)) / DAY_MS;
    // A short-lived certificate (6 days, renewed every few) is always under 7 days: its thresholds
    // shrink with its lifetime (a third of it to warn, a sixth to page), never above the config's.
    const lifetime = r.validFrom !== undefined ? (Date.parse(r.validTo) - Date.parse(r.validFrom)) / DAY_MS : Infinity;
    const warnDays = Math.min(r.warnDays, lifetime / 3);
    const criticalDays = Math.min(r.criticalDays, lifetime / 6);
    const level = daysLeft <= 0 ? 'expired' : daysLeft < criticalDays ? 'critical' : daysLeft < warnDays ? 'warn' : 'ok';
    const rule: RuleId | undefined = level === 'expired' ? 'audits-tls-expired' : level === 'critical' ? 'audits-tls-expiring-critical' : level === 'warn' ? 'audits-tls-expiring' : undefined;
    const graded = rule ? grade(ctx, rule) : undefined;
    out.push({ kind: 'tls-expiry', subject: `tls ${host}`, result: r, daysLeft, level, warnDays: round1(warnDays), criticalDays: round1(criticalDays), ...(graded ? { graded } : {}) });
  }
  const trust = (problem: 'hostname' | 'chain' | 'untrusted', code: string | undefined) => {
    const subject = `tls-${problem} ${host}`;
    if (code === undefined) return;
    const rule: RuleId = problem === 'hostname' ? 'audits-tls-hostname' : problem === 'chain' ? 'audits-tls-chain' : 'audits-tls-untrusted';
    const graded = r.trustWaived ? undefined : grade(ctx, rule);
    out.push({ kind: 'tls-trust', subject, result: r, problem, code, waived: r.trustWaived, ...(graded ? { graded } : {}) });
  };
  const auth = r.authorizationError;
  trust('hostname', r.hostnameError ?? (auth !== undefined && HOSTNAME_ERRORS.has(auth) ? auth : undefined));
  trust('chain', auth !== undefined && CHAIN_ERRORS.has(auth) ? auth : undefined);
  const other = auth !== undefined && !CHAIN_ERRORS.has(auth) && !HOSTNAME_ERRORS.has(auth) && !EXPIRY_ERRORS.has(auth);
  trust('untrusted', other ? auth : undefined);
  return out;
}

/** Every fingerprint a TLS result may produce: a trust problem that is gone was still looked at. */
export function tlsSubjects(host: string): string[] {
  return ['tls', 'tls-hostname', 'tls-chain', 'tls-untrusted'].map((p) => `${p} ${host}`);
}

const round1 = (v: number) => Math.round(v * 10) / 10;
