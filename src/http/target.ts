import type { z } from 'zod';
import type { headerValueSchema } from '../config/fields.js';

type HeaderValue = z.infer<typeof headerValueSchema>;

/**
 * Joins a base URL and a path: `https://x/api` + `/health` = `https://x/api/health`. The base's
 * query (a preview deployment's bypass token) is kept on every request, with the path's own query
 * after it. Absolute http(s) paths pass through. Parsed with the WHATWG URL parser, never a regex.
 */
export function joinUrl(base: string, path: string): string {
  if (path.startsWith('http://') || path.startsWith('https://')) return path;
  if (path === '') return base;
  const u = new URL(base);
  const rel = new URL(path.startsWith('/') ? path : `/${path}`, 'http://relative.invalid');
  u.pathname = `${trimEnd(u.pathname, '/')}${rel.pathname}`;
  for (const [k, v] of rel.searchParams) u.searchParams.append(k, v);
  return u.href;
}

function trimEnd(s: string, ch: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ch) end--;
  return s.slice(0, end);
}

export function headerValues(...sets: (Readonly<Record<string, HeaderValue>> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const set of sets) {
    for (const [k, v] of Object.entries(set ?? {})) out[k.toLowerCase()] = typeof v === 'string' ? v : v.value;
  }
  return out;
}

/** Header values that must never be shown: marked secret, or credentials by their name. */
export function secretHeaderValues(...sets: (Readonly<Record<string, HeaderValue>> | undefined)[]): string[] {
  const out: string[] = [];
  for (const set of sets) {
    for (const [k, v] of Object.entries(set ?? {})) {
      if (typeof v !== 'string') {
        if (v.secret) out.push(v.value);
      } else if (/^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$/i.test(k)) {
        out.push(v);
      }
    }
  }
  return out;
}

/** A configured body as sent: strings as they are, JSON values serialized with their content type. */
export function encodeBody(body: unknown, headers: Record<string, string>): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}
