import { z } from 'zod';
import { durationSchema, positiveDuration, requestFields, scalar, uniqueNames } from '../../config/fields.js';

/** The health check's part of an environment's config: `health:`, a list of probes. */
export const assertionSchema = z
  .strictObject({
    path: z.string().min(1),
    equals: scalar.optional(),
    'one-of': z.array(scalar).min(1).optional(),
    below: z.number().optional(),
    above: z.number().optional(),
  })
  .refine((a) => ['equals', 'one-of', 'below', 'above'].filter((k) => k in a).length === 1, {
    message: 'expected exactly one of equals, one-of, below, above',
  });
export type Assertion = z.infer<typeof assertionSchema>;

const statusSchema = z
  .union([z.literal('2xx'), z.int().min(100).max(599), z.array(z.int().min(100).max(599)).min(1)])
  .default('2xx');

const probeSchema = z.strictObject({
  ...requestFields,
  timeout: positiveDuration.default(5000),
  retries: z.int().min(0).max(10).default(2),
  'retry-delay': durationSchema.default(500),
  /** Whether a retry may send it again after it may have reached the server. Default: GET, HEAD, PUT, DELETE, OPTIONS yes; POST, PATCH no. */
  idempotent: z.boolean().optional(),
  expect: z
    .strictObject({ status: statusSchema, body: z.array(assertionSchema).default([]) })
    .default({ status: '2xx', body: [] }),
  'latency-budget': positiveDuration.optional(),
  'max-body-bytes': z.int().min(1).max(64 * 1024 * 1024).default(1024 * 1024),
  /** Follow a redirect from https to http. Off: the request, with whatever it carries, would go out in cleartext. */
  'allow-insecure-redirect': z.boolean().default(false),
});
export type ProbeConfig = z.infer<typeof probeSchema>;

/** `health:` in an environment. */
export const healthSchema = z.array(probeSchema).superRefine(uniqueNames);
export type HealthConfig = z.infer<typeof healthSchema>;
