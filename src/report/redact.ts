import { ConnectionString } from 'mongodb-connection-string-url';

/** Keys whose values are machine data (encoded histograms): never text, never rewritten. */
export const MACHINE_KEYS: ReadonlySet<string> = new Set(['histogram']);

/**
 * Query values this long are masked on their own wherever they appear; shorter ones only under a
 * credential-like name (`?env=prod` must not mask every "prod" in "production"). The query is hidden
 * in every URL shown either way.
 */
const MIN_QUERY_SECRET = 8;
/** Words in a query parameter's name that say it carries a credential (`access_token`, `apiKey`, `x-vercel-protection-bypass`). */
const CREDENTIAL_WORDS = ['token', 'key', 'secret', 'sig', 'signature', 'password', 'passwd', 'pwd', 'pass', 'auth', 'code', 'bypass', 'session', 'sid', 'credential', 'credentials'];

function credentialKey(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((part) => CREDENTIAL_WORDS.some((w) => part === w || (w.length >= 3 && part.endsWith(w))));
}

/** Characters that end a URL inside free text. */
const URL_END = new Set([' ', '\t', '\n', '\r', '\f', '\v', '"', "'", '`', '<', '>', '\u00a0']);

const TRAILING = new Set(['.', ',', ';', ':', '!', ')', ']', '}']);

const SCHEME_CHAR = /^[A-Za-z0-9+.-]$/;
const MAX_SCHEME = 32;

/**
 * Removes secrets from anything shown. Every string that leaves the process goes through one
 * Redactor, at the boundary where it is written. Linear in the length of the text: registered
 * secrets are replaced by exact match, and URLs are found by scanning for "://", never by a
 * regular expression that could backtrack on hostile text.
 *
 * - registered secrets (tokens, `${VAR}` values, secret headers, URL passwords, long query values)
 *   and their URL- and JSON-encoded forms become `***`;
 * - every URL in the text loses its userinfo and shows `?…` in place of its query.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private sorted: string[] | undefined;

  constructor(private readonly onSecret: (s: string) => void = () => {}) {}

  /** Registers a secret (and, in the action, masks it in the runner's log). Short values are ignored: they would redact too much. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4 || this.secrets.has(secret)) return;
    for (const variant of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      if (this.secrets.has(variant)) continue;
      this.secrets.add(variant);
      this.sorted = undefined;
      this.onSecret(variant);
    }
  }

  /**
   * Registers the secret parts of a URL: its password (and user name when it has a password), and
   * every query value long enough to be a token. The origin and path stay readable.
   */
  addUrl(url: string | undefined): void {
    if (!url) return;
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return;
    }
    if (u.password) this.addEncoded(u.password);
    this.addQuery(u.searchParams);
  }

  /** Query values that are secrets: every one under a credential-like name, and any long one. */
  private addQuery(params: Iterable<[string, string]>): void {
    for (const [key, value] of params) if (value.length >= MIN_QUERY_SECRET || credentialKey(key)) this.add(value);
  }

  /** A connection string that is a secret as a whole (a MongoDB URI): the string, its password and its query values. */
  addSecretUri(uri: string | undefined): void {
    if (!uri) return;
    this.add(uri);
    try {
      const cs = new ConnectionString(uri);
      if (cs.password) this.addEncoded(cs.password);
      this.addQuery(cs.searchParams);
    } catch {
      // not a valid connection string: the whole string is registered already
    }
  }

  /** A percent-encoded secret (a URL password): both its encoded and its decoded forms. */
  private addEncoded(s: string): void {
    this.add(s);
    try {
      this.add(decodeURIComponent(s));
    } catch {
      // not valid percent-encoding: the raw form is registered
    }
  }

  text(s: string): string {
    this.sorted ??= [...this.secrets].sort((a, b) => b.length - a.length);
    let out = s;
    for (const secret of this.sorted) if (out.includes(secret)) out = out.split(secret).join('***');
    return hideUrlSecrets(out);
  }

  /**
   * A deep copy with every string redacted, except the values of `keep` keys (by default machine
   * data: encoded histograms). Iterative: any depth.
   */
  value<T>(v: T, keep: ReadonlySet<string> = MACHINE_KEYS): T {
    if (typeof v === 'string') return this.text(v) as T;
    if (v === null || typeof v !== 'object' || v instanceof Date) return v;
    const root: unknown = Array.isArray(v) ? [] : {};
    const stack: [unknown, Record<string | number, unknown>][] = [[v, root as Record<string, unknown>]];
    while (stack.length > 0) {
      const [from, to] = stack.pop()!;
      for (const [k, x] of Object.entries(from as object)) {
        if (typeof x === 'string') to[k] = keep.has(k) ? x : this.text(x);
        else if (x !== null && typeof x === 'object' && !(x instanceof Date)) {
          const copy = Array.isArray(x) ? [] : {};
          to[k] = copy;
          stack.push([x, copy as Record<string, unknown>]);
        } else to[k] = x;
      }
    }
    return root as T;
  }
}

/**
 * How a URL is shown to people: scheme, host and path; no user name or password; `?…` for a query.
 * Undefined when the text does not parse as a URL.
 */
export function displayUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const origin = u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
  return `${origin}${u.pathname}${u.search ? '?…' : ''}${u.hash}`;
}

/** Every URL in free text without userinfo and with `?…` for its query. One pass over the text. */
export function hideUrlSecrets(text: string): string {
  let at = text.indexOf('://');
  if (at < 0) return text;
  const parts: string[] = [];
  let copied = 0; // text before this index is in parts
  while (at >= 0) {
    // The scheme: letters, digits, + . - before "://", starting with a letter; never behind what is copied.
    let start = at;
    while (start > copied && at - start < MAX_SCHEME && SCHEME_CHAR.test(text[start - 1]!)) start--;
    while (start < at && !/^[A-Za-z]$/.test(text[start]!)) start++;
    let end = at + 3;
    while (end < text.length && !URL_END.has(text[end]!)) end++;
    // Punctuation that ends a sentence or a clause is text, not URL: "GET https://x/h?t=1: 503".
    const scanned = end;
    while (end > at + 3 && TRAILING.has(text[end - 1]!)) end--;
    if (start < at) {
      const token = text.slice(start, end);
      const shown = hideInUrl(token);
      if (shown !== token) {
        parts.push(text.slice(copied, start), shown);
        copied = end;
      }
    }
    at = text.indexOf('://', Math.max(scanned, at + 3));
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** One URL token: unchanged unless it has userinfo or a query. */
function hideInUrl(token: string): string {
  const rest = token.indexOf('://') + 3;
  const authorityEnd = firstOf(token, ['/', '?', '#'], rest);
  const hasUserinfo = token.lastIndexOf('@', authorityEnd - 1) >= rest;
  const q = token.indexOf('?', rest);
  if (!hasUserinfo && q < 0) return token;
  const shown = displayUrl(token);
  if (shown !== undefined) return shown;
  // Not a WHATWG URL (a MongoDB seed list, a broken URL): cut by position, never guess.
  const host = hasUserinfo ? token.lastIndexOf('@', authorityEnd - 1) + 1 : rest;
  return `${token.slice(0, rest)}${q >= 0 ? `${token.slice(host, q)}?…` : token.slice(host)}`;
}

function firstOf(s: string, chars: readonly string[], from: number): number {
  let best = s.length;
  for (const c of chars) {
    const i = s.indexOf(c, from);
    if (i >= 0 && i < best) best = i;
  }
  return best;
}
