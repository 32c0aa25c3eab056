import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { EnvironmentConfig } from '../../config/schema.js';
import { MAX_JSON_DEPTH, nestedDeeperThan, readPath } from '../../core/json-path.js';
import { parseJsonPrefix } from '../../core/json-prefix.js';
import type { HttpOutcome } from '../../core/types.js';
import type { HttpClient } from '../../http/client.js';
import { headerValues, joinUrl } from '../../http/target.js';
import pLimit from 'p-limit';
import { MAX_BODY_BYTES, type AuditsConfig } from './schema.js';
import { inspectTls } from './tls.js';
import type { AuditFailure, AuditResult, CachingResult, CompressionResult, HeadersResult, PaginationResult, SizeResult } from './types.js';

type Response = Extract<HttpOutcome, { kind: 'response' }>;
/** Audits in flight at once: like 20 users, never a load test (the bench: 20 audits take one round). */
const CONCURRENCY = 20;
/** In libuv's thread pool: a large body does not stall the other audits' timers. */
const gzipAsync = promisify(gzip);
interface Ctx {
  readonly http: HttpClient;
  readonly baseUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly cfg: AuditsConfig;
}

/** Every audit of the config, all at once: each is one request or two, with the probes' timeout and body cap. */
export async function runAudits(config: EnvironmentConfig, baseUrl: string, http: HttpClient, now: () => Date): Promise<AuditResult[]> {
  const cfg = config.audits;
  if (!cfg) return [];
  const ctx: Ctx = { http, baseUrl, headers: headerValues(config.headers), cfg };
  const jobs: Promise<AuditResult>[] = [];
  // A few at a time: audits are read-only requests against production, not a load test.
  const limit = pLimit(CONCURRENCY);
  const add = (job: () => Promise<AuditResult>) => jobs.push(limit(job));
  for (const p of cfg.compression?.paths ?? []) add(() => compression(ctx, p, cfg.compression!['min-size']));
  for (const p of cfg.pagination?.paths ?? []) add(() => pagination(ctx, p));
  for (const p of cfg.caching?.paths ?? []) add(() => caching(ctx, p));
  for (const [p, budget] of Object.entries(cfg.size ?? {})) add(() => size(ctx, p, budget));
  // HSTS means something on https only; nosniff anywhere.
  const https = URL.canParse(baseUrl) && new URL(joinUrl(baseUrl, cfg.headers.path)).protocol === 'https:';
  if ((cfg.headers.hsts && https) || cfg.headers.nosniff) add(() => headersAudit(ctx));
  if (cfg.tls !== false) {
    const t = cfg.tls;
    for (const origin of tlsOrigins(config, baseUrl)) {
      add(() => inspectTls(origin, {
        timeoutMs: cfg.timeout, trustWaived: config.tls?.['reject-unauthorized'] === false, warnDays: t['warn-days'], criticalDays: t['critical-days'], now,
        ...(config.tls?.ca ? { caFile: config.tls.ca } : {}),
      }));
    }
  }
  return Promise.all(jobs);
}

/** The https origins the run requests: the target's, each health probe's and each audited path's. */
export function tlsOrigins(config: EnvironmentConfig, baseUrl: string): string[] {
  const a = config.audits;
  const paths = [
    '', ...(config.health ?? []).map((p) => p.path), ...(a?.compression?.paths ?? []), ...(a?.pagination?.paths ?? []),
    ...(a?.caching?.paths ?? []), ...Object.keys(a?.size ?? {}),
  ];
  const origins = new Set<string>();
  for (const p of paths) {
    const u = new URL(joinUrl(baseUrl, p));
    if (u.protocol === 'https:') origins.add(u.origin);
  }
  return [...origins];
}

async function get(ctx: Ctx, url: string, extra: Record<string, string> = {}, maxBodyBytes = ctx.cfg['max-body-bytes']): Promise<Response | AuditFailure> {
  const outcome = await ctx.http.send({
    url, method: 'GET', headers: { accept: 'application/json', ...ctx.headers, ...extra }, timeoutMs: ctx.cfg.timeout, maxBodyBytes,
  });
  if (outcome.kind === 'error') return { class: outcome.class, message: outcome.message };
  return outcome;
}

/** A response the audit can judge: 2xx (304 only where asked for). */
function usable(r: Response | AuditFailure): r is Response {
  return 'kind' in r && r.status >= 200 && r.status < 300;
}
function failureOf(r: Response | AuditFailure): AuditFailure {
  return 'kind' in r ? { class: 'status', message: `HTTP ${r.status}, expected 2xx` } : r;
}
function header(r: Response, name: string): string | undefined {
  return r.headers?.[name];
}

async function compression(ctx: Ctx, path: string, minSize: number): Promise<CompressionResult> {
  const url = joinUrl(ctx.baseUrl, path);
  const base = { audit: 'compression' as const, subject: path, url, minSize };
  const r = await get(ctx, url, { 'accept-encoding': 'gzip, br' });
  if (!usable(r)) return { ...base, failure: failureOf(r) };
  const encoding = header(r, 'content-encoding');
  const vary = header(r, 'vary');
  const plain = encoding === undefined || encoding.trim().toLowerCase() === 'identity';
  return {
    ...base, bytes: r.body.length, truncated: r.truncated,
    ...(encoding !== undefined ? { encoding } : {}), ...(vary !== undefined ? { vary } : {}),
    ...(plain && r.body.length >= minSize ? { gzipBytes: (await gzipAsync(r.body)).length } : {}),
  };
}

async function pagination(ctx: Ctx, path: string): Promise<PaginationResult> {
  const pc = ctx.cfg.pagination!;
  const url = joinUrl(ctx.baseUrl, path);
  const base = { audit: 'pagination' as const, subject: path, url, maxItems: pc['max-items'], maxBytes: pc['max-bytes'] };
  const page = new URL(url);
  if (page.searchParams.has(pc['limit-param']) || page.searchParams.has(pc['page-param'])) {
    const r = await get(ctx, url);
    if (!usable(r)) return { ...base, failure: failureOf(r) };
    const list = listOf(r.body, pc.items, r.truncated);
    return { ...base, bytes: r.body.length, truncated: r.truncated, paramsInPath: true, ...(list ? { items: list.list.length, listPath: list.at } : {}) };
  }
  page.searchParams.set(pc['limit-param'], '1');
  page.searchParams.set(pc['page-param'], '2');
  const pageUrl = page.href;
  const [r, p] = await Promise.all([get(ctx, url), get(ctx, pageUrl)]);
  if (!usable(r)) return { ...base, failure: failureOf(r) };
  // Cut at the body cap: the items read before the cut are real, so the count is a lower bound.
  const first = listOf(r.body, pc.items, r.truncated);
  const measured = { ...base, bytes: r.body.length, truncated: r.truncated, pageUrl, ...(first ? { items: first.list.length, listPath: first.at } : {}) };
  if (!first || r.truncated) return measured;
  if (!usable(p)) return { ...measured, page: { equalsFirst: false, repeatsFirstItem: false, failure: failureOf(p) } };
  const second = p.truncated ? undefined : listOf(p.body, pc.items);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return {
    ...measured,
    page: {
      ...(second ? { items: second.list.length } : {}),
      equalsFirst: second !== undefined && first.list.length > 0 && same(second.list, first.list),
      repeatsFirstItem: second !== undefined && second.list.length === 1 && first.list.length > 1 && same(second.list[0], first.list[0]),
    },
  };
}

/** The list in a JSON body: at `items`, else the body itself, else its `items`, `data` or `results`. */
function listOf(body: Buffer, items: string | undefined, truncated = false): { list: unknown[]; at: string } | undefined {
  let json: unknown;
  try {
    json = truncated ? parseJsonPrefix(body.toString('utf8'), MAX_JSON_DEPTH) : JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (nestedDeeperThan(json, MAX_JSON_DEPTH)) return undefined;
  if (items !== undefined) {
    const read = readPath(json, items);
    return read.found && Array.isArray(read.value) ? { list: read.value, at: items } : undefined;
  }
  if (Array.isArray(json)) return { list: json, at: '(the body)' };
  for (const key of ['items', 'data', 'results']) {
    const v = json !== null && typeof json === 'object' && Object.hasOwn(json, key) ? (json as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(v)) return { list: v, at: key };
  }
  return undefined;
}

async function caching(ctx: Ctx, path: string): Promise<CachingResult> {
  const url = joinUrl(ctx.baseUrl, path);
  const base = { audit: 'caching' as const, subject: path, url, requirements: ctx.cfg.caching!.expect };
  const r = await get(ctx, url);
  if (!usable(r)) return { ...base, failure: failureOf(r) };
  const cacheControl = header(r, 'cache-control');
  const etag = header(r, 'etag');
  const lastModified = header(r, 'last-modified');
  const facts = { ...base, ...(cacheControl !== undefined ? { cacheControl } : {}), ...(etag !== undefined ? { etag } : {}), ...(lastModified !== undefined ? { lastModified } : {}) };
  if (etag === undefined) return facts;
  const c = await get(ctx, url, { 'if-none-match': etag });
  return 'kind' in c ? { ...facts, conditionalStatus: c.status } : facts;
}

async function size(ctx: Ctx, path: string, budget: number): Promise<SizeResult> {
  const url = joinUrl(ctx.baseUrl, path);
  const base = { audit: 'size' as const, subject: path, url, budget };
  // Read one byte past the budget (and at least the body cap): a body cut short of its budget would pass unseen.
  const r = await get(ctx, url, {}, Math.min(MAX_BODY_BYTES, Math.max(ctx.cfg['max-body-bytes'], budget + 1)));
  if (!usable(r)) return { ...base, failure: failureOf(r) };
  return { ...base, bytes: r.body.length, truncated: r.truncated };
}

async function headersAudit(ctx: Ctx): Promise<HeadersResult> {
  const h = ctx.cfg.headers;
  const url = joinUrl(ctx.baseUrl, h.path);
  const base = { audit: 'headers' as const, subject: h.path || '/', url, https: new URL(url).protocol === 'https:', hsts: h.hsts, nosniff: h.nosniff };
  const r = await get(ctx, url);
  if (!('kind' in r)) return { ...base, failure: r };
  // Any answer carries the headers: a 404 at the root still says whether HSTS is sent.
  const sts = header(r, 'strict-transport-security');
  const cto = header(r, 'x-content-type-options');
  return { ...base, ...(sts !== undefined ? { strictTransportSecurity: sts } : {}), ...(cto !== undefined ? { contentTypeOptions: cto } : {}) };
}
