import { z } from 'zod';
import { byteSize, pathProblem, pathSchema, positiveDuration } from '../../config/fields.js';
import { parseCacheExpect, type CacheRequirement } from './cache-control.js';

/**
 * The audits check's part of an environment's config: `audits:`, the guide's quick wins verified
 * against the deployment, read-only. Each audit is one request or two, with the probes' timeout and
 * body cap. TLS (on https targets) and HSTS are on by default once `audits:` is present.
 */
const MAX_BYTES = 1024 ** 3;
/** A size budget is read with a body cap just above it, and bodies are capped at 64 MiB. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** At most this many paths per audit: each is a request or two against production. */
export const MAX_PATHS = 100;
const paths = z.array(pathSchema).min(1).max(MAX_PATHS, { error: `expected at most ${MAX_PATHS} paths` });

const cacheExpect = z.string().transform((v, ctx): CacheRequirement[] => {
  const parsed = parseCacheExpect(v);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed, input: v });
    return z.NEVER;
  }
  return parsed;
});

const sizeBudgets = z.record(z.string(), byteSize(MAX_BODY_BYTES - 1, 1)).superRefine((set, ctx) => {
  if (Object.keys(set).length > MAX_PATHS) ctx.addIssue({ code: 'custom', message: `expected at most ${MAX_PATHS} paths` });
  for (const p of Object.keys(set)) {
    const problem = pathProblem(p);
    if (problem || p === '') ctx.addIssue({ code: 'custom', path: [p], message: problem ?? 'expected a path such as "/api/users"' });
  }
});

const tlsSchema = z
  .strictObject({
    'warn-days': z.int().min(1).max(365).default(21),
    'critical-days': z.int().min(0).max(365).default(7),
  })
  .refine((t) => t['critical-days'] <= t['warn-days'], { message: 'expected critical-days at most warn-days' });

export const auditsSchema = z.strictObject({
  timeout: positiveDuration.default(5000),
  'max-body-bytes': z.int().min(1).max(MAX_BODY_BYTES).default(1024 * 1024),
  compression: z.strictObject({ paths, 'min-size': byteSize(MAX_BYTES).default(1000) }).optional(),
  pagination: z
    .strictObject({
      paths,
      'max-items': z.int().min(1).max(1_000_000).default(100),
      'max-bytes': byteSize(MAX_BYTES, 1).default(256_000),
      /** Where the list is in the body (a JSON path); default: the body itself, or its items, data or results. */
      items: z.string().min(1).optional(),
      'limit-param': z.string().min(1).default('limit'),
      'page-param': z.string().min(1).default('page'),
    })
    .optional(),
  caching: z.strictObject({ paths, expect: cacheExpect.default([{ kind: 'validator' }]) }).optional(),
  /** The certificate of every https origin the run requests; false switches it off. */
  tls: z.union([z.literal(false), tlsSchema]).default({ 'warn-days': 21, 'critical-days': 7 }),
  headers: z
    .strictObject({ path: pathSchema.default(''), hsts: z.boolean().default(true), nosniff: z.boolean().default(false) })
    .default({ path: '', hsts: true, nosniff: false }),
  /** A response body budget per path: `"/api/users": 200kB`. */
  size: sizeBudgets.optional(),
});
export type AuditsConfig = z.infer<typeof auditsSchema>;
