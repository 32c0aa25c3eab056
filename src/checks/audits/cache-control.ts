/**
 * Caching expectations (`audits.caching.expect`, "max-age>=60, etag") and the target's
 * Cache-Control header, both read by one-pass splitting, never a regex on the target's text.
 */

/** One requirement of `expect`, structured. */
export type CacheRequirement =
  | { readonly kind: 'max-age'; readonly directive: 'max-age' | 's-maxage'; readonly min: number }
  | { readonly kind: 'directive'; readonly name: string }
  | { readonly kind: 'etag' }
  | { readonly kind: 'last-modified' }
  /** ETag or Last-Modified: a conditional request can be answered. */
  | { readonly kind: 'validator' };

const DIRECTIVES = new Set(['public', 'private', 'no-cache', 'no-store', 'immutable', 'must-revalidate']);
const MAX_SECONDS = 10 * 365 * 24 * 3600;

/** Parses `expect`; a string naming what is wrong when it cannot. */
export function parseCacheExpect(text: string): CacheRequirement[] | string {
  const out: CacheRequirement[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim().toLowerCase();
    if (part === '') return 'an empty requirement (two commas in a row?)';
    const ge = part.indexOf('>=');
    if (ge >= 0) {
      const name = part.slice(0, ge).trim();
      const value = part.slice(ge + 2).trim();
      if (name !== 'max-age' && name !== 's-maxage') return `"${part}": only max-age and s-maxage take ">= seconds"`;
      if (!isDigits(value) || Number(value) > MAX_SECONDS) return `"${part}": expected a whole number of seconds after ">=", such as "max-age>=60"`;
      out.push({ kind: 'max-age', directive: name, min: Number(value) });
    } else if (part === 'etag' || part === 'last-modified' || part === 'validator') {
      out.push({ kind: part });
    } else if (DIRECTIVES.has(part)) {
      out.push({ kind: 'directive', name: part });
    } else {
      return `"${part}" is not a requirement: expected max-age>=N, s-maxage>=N, etag, last-modified, validator or one of ${[...DIRECTIVES].join(', ')}`;
    }
  }
  return out;
}

/** Cache-Control's directives by lower-case name, with their values ("" when none). At most 64 are read. */
export function parseCacheControl(header: string | undefined): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const raw of header.split(',').slice(0, 64)) {
    const eq = raw.indexOf('=');
    const name = (eq >= 0 ? raw.slice(0, eq) : raw).trim().toLowerCase();
    let value = eq >= 0 ? raw.slice(eq + 1).trim() : '';
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name && !out.has(name)) out.set(name, value);
  }
  return out;
}

export function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 12) return false;
  for (const c of s) if (c < '0' || c > '9') return false;
  return true;
}

/** Whether the response's caching headers meet one requirement. Pure. */
export function meets(r: CacheRequirement, cc: ReadonlyMap<string, string>, etag: boolean, lastModified: boolean): boolean {
  switch (r.kind) {
    case 'max-age': {
      const v = cc.get(r.directive);
      return v !== undefined && isDigits(v) && Number(v) >= r.min && !cc.has('no-store');
    }
    case 'directive':
      return cc.has(r.name);
    case 'etag':
      return etag;
    case 'last-modified':
      return lastModified;
    case 'validator':
      return etag || lastModified;
  }
}

/** A requirement as written in the config: "max-age>=60". */
export function describeRequirement(r: CacheRequirement): string {
  switch (r.kind) {
    case 'max-age':
      return `${r.directive}>=${r.min}`;
    case 'directive':
      return r.name;
    default:
      return r.kind;
  }
}
