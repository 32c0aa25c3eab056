import { z } from 'zod';
import { isBareNumber, parseDuration } from './duration.js';
import { SEVERITIES } from '../core/severity.js';

/**
 * The pieces every part of the config is built from: durations with units and bounds, percentages,
 * names, paths and headers. Every object is strict: an unknown key is an error, because a typo
 * would otherwise switch a check off in silence.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** "10m", "24h", "365d": a bound as people write it. */
function formatBound(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY}d`;
  if (ms % HOUR === 0) return `${ms / HOUR}h`;
  if (ms % MINUTE === 0) return `${ms / MINUTE}m`;
  return `${ms}ms`;
}

/**
 * A duration with its unit ("500ms", "5s", "2m"), at most `max`. A bare number is an error naming
 * the key (the loader adds it) and suggesting the unit: `timeout: 5` was once read as 5 ms.
 * 0 alone may stand without a unit. Every duration has an upper bound, so a slip of units
 * (`timeout: 5000m`) is caught instead of hanging a job.
 */
export function duration(max: number, opts: { positive?: boolean; off?: boolean } = {}) {
  // A missing duration is said as the loader says any missing key (zod's union alone says "Invalid input").
  const required = { error: (iss: { input?: unknown }) => (iss.input === undefined ? 'required: expected a duration such as "1h", found nothing' : undefined) };
  return z.union([z.number(), z.string()], required).transform((v, ctx) => {
    if (opts.off && v === 'off') return undefined as unknown as number;
    const parsed = parseDuration(v);
    if (parsed === undefined) {
      const n = typeof v === 'number' ? v : Number(v);
      const message = isBareNumber(v) && Number.isFinite(n)
        ? `expected a duration with its unit, such as "${n}s" or "${n}ms" (a bare number is ambiguous: milliseconds or seconds?)`
        : 'expected a duration such as "500ms", "5s" or "2m"';
      ctx.addIssue({ code: 'custom', message, input: v });
      return z.NEVER;
    }
    // Timers and budgets work in whole milliseconds: 0.5ms would break a timer (and switch a check off).
    if (parsed > 0 && (parsed < 1 || !Number.isInteger(parsed))) {
      ctx.addIssue({ code: 'custom', message: 'expected a whole number of milliseconds, at least 1ms (such as "1ms", "250ms" or "1.5s")', input: v });
      return z.NEVER;
    }
    if (opts.positive && parsed <= 0) {
      ctx.addIssue({ code: 'custom', message: 'expected a duration above 0 (0 cannot work here), such as "5s"', input: v });
      return z.NEVER;
    }
    if (parsed > max) {
      ctx.addIssue({ code: 'custom', message: `expected a duration of at most ${formatBound(max)}`, input: v });
      return z.NEVER;
    }
    return parsed;
  });
}

/** Timeouts, delays and latency budgets: 10 minutes is already far beyond any useful value. */
export const MAX_WAIT_MS = 10 * MINUTE;
export const durationSchema = duration(MAX_WAIT_MS);

/** Severity names in any case, as the inputs and the CLI accept them: `SEV3` and `sev3` are one. */
export const lowerCase = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
export const severity = z.preprocess(lowerCase, z.enum(SEVERITIES, { error: 'expected one of sev1, sev2, sev3, sev4' }));

/** A duration that must be above 0: a timeout, a budget or a run length of 0 cannot work. */
export const positiveDuration = duration(MAX_WAIT_MS, { positive: true });

/** Names become fingerprints: two probes (or two load requests) of one name would be one incident. */
export function uniqueNames(list: readonly { name: string }[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const key = item.name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `expected a unique name: "${item.name}" is also the name of entry ${first}`, input: item.name });
    else seen.set(key, i);
  });
}

export const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const headerValueSchema = z.union([
  z.string(),
  z.strictObject({ value: z.string(), secret: z.boolean().default(true) }),
]);
/** A header name as HTTP defines it (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Framing headers the HTTP client derives from the request itself; configured, they break it. */
const CLIENT_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade']);
/**
 * Headers that the HTTP client can send: a bad one is a config error here, never a false outage at
 * run time (a secret pasted with a trailing newline made every probe "fail" as a SEV1). The message
 * never shows the value, which may be a secret.
 */
export const headers = z.record(z.string().min(1), headerValueSchema).superRefine((set, ctx) => {
  for (const [name, v] of Object.entries(set)) {
    const value = typeof v === 'string' ? v : v.value;
    if (!HEADER_NAME.test(name)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a valid header name (letters, digits and ! # $ % & ' * + . ^ _ \` | ~ -)` });
    } else if (CLIENT_HEADERS.has(name.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: [name], message: `${name} is set by the HTTP client from the request; remove it from the config` });
    }
    if (value.includes('\r') || value.includes('\n') || value.includes('\0')) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'the value holds a line break or a NUL character, which no HTTP header may (a secret pasted with a trailing newline?)' });
    }
  }
});

/** Names that end up in fingerprints and file names. */
export const nameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected a name of letters, digits, "-", "_" or "."');

/**
 * A request path: relative to the target URL (`/health`, `health?x=1`), or an absolute http(s) URL.
 * Checked with the WHATWG URL parser, so a path the run could not request is a config error, not a
 * crash in the middle of the run.
 */
export function pathProblem(path: string): string | undefined {
  if (path === '') return undefined;
  const absolute = path.startsWith('http://') || path.startsWith('https://');
  if (!absolute) return URL.canParse(path.startsWith('/') ? path : `/${path}`, 'http://relative.invalid') ? undefined : 'expected a path such as "/api/health"';
  return URL.canParse(path) && new URL(path).host !== '' ? undefined : 'expected a path such as "/api/health", or an absolute http(s) URL that parses';
}
export const pathSchema = z.string().superRefine((v, ctx) => {
  const problem = pathProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: v });
});

/** What a probe and a load request share: where to send what. */
export const requestFields = {
  name: nameSchema,
  path: pathSchema.default(''),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default('GET'),
  headers: headers.optional(),
  body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
};

/**
 * "1%" or "0.5 %": the % sign is required. A bare number is refused, because 0.01 could mean
 * 0.01 % or 1 %; the error names the key.
 */
export const percentSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') {
    ctx.addIssue({ code: 'custom', message: `expected a percentage with its % sign, such as "${v}%" (a bare number is ambiguous: fraction or percent?)`, input: v });
    return z.NEVER;
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100) {
    ctx.addIssue({ code: 'custom', message: 'expected a percentage between 0% and 100% with its % sign, such as "1%"', input: v });
    return z.NEVER;
  }
  return n;
});

const SIZE_UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1000, kib: 1024, mb: 1000 ** 2, mib: 1024 ** 2, gb: 1000 ** 3, gib: 1024 ** 3 };

/**
 * "256kB", "1.5 MB", "64KiB", "1000B" or a bare whole number of bytes (1000) into bytes; undefined when
 * it is none of them. A scanner, not a regex: one pass over the text.
 */
export function parseByteSize(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  let i = 0;
  while (i < t.length && ((t[i]! >= '0' && t[i]! <= '9') || t[i] === '.')) i++;
  const num = t.slice(0, i);
  const unit = t.slice(i).trim().toLowerCase();
  if (num === '' || num.startsWith('.') || num.endsWith('.') || num.split('.').length > 2) return undefined;
  const scale = unit === '' ? 1 : Object.hasOwn(SIZE_UNITS, unit) ? SIZE_UNITS[unit]! : undefined;
  if (scale === undefined) return undefined;
  const bytes = Number(num) * scale;
  return Number.isFinite(bytes) && Number.isInteger(bytes) ? bytes : undefined;
}

/** A byte size ("256kB", "1MiB", or a bare number of bytes), at most `max` bytes. */
export function byteSize(max: number, min = 0) {
  // A missing duration is said as the loader says any missing key (zod's union alone says "Invalid input").
  const required = { error: (iss: { input?: unknown }) => (iss.input === undefined ? 'required: expected a duration such as "1h", found nothing' : undefined) };
  return z.union([z.number(), z.string()], required).transform((v, ctx) => {
    const bytes = parseByteSize(v);
    if (bytes === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected a size such as "256kB", "1MB", "64KiB" or a whole number of bytes (kB = 1000 bytes, KiB = 1024)', input: v });
      return z.NEVER;
    }
    if (bytes < min) {
      ctx.addIssue({ code: 'custom', message: `expected a size of at least ${min} byte${min === 1 ? '' : 's'}`, input: v });
      return z.NEVER;
    }
    if (bytes > max) {
      ctx.addIssue({ code: 'custom', message: `expected a size of at most ${max} bytes`, input: v });
      return z.NEVER;
    }
    return bytes;
  });
}
