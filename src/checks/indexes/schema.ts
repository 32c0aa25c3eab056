import { z } from 'zod';
import { nameSchema, positiveDuration } from '../../config/fields.js';

/** The indexes check's part of an environment's config: `indexes:`, the MongoDB indexes and query plans expected. */

const indexKeyValue = z.union([z.literal(1), z.literal(-1), z.enum(['text', '2dsphere', '2d', 'hashed'])], {
  error: 'expected 1, -1, "text", "2dsphere", "2d" or "hashed"',
});

/** An expected index. Option names are MongoDB's own, so they can be copied from its documentation. */
export const indexSpecSchema = z.strictObject({
  key: z.record(z.string().min(1), indexKeyValue).refine((k) => Object.keys(k).length > 0, { message: 'expected at least one field' }),
  name: z.string().min(1).optional(),
  unique: z.boolean().optional(),
  sparse: z.boolean().optional(),
  partialFilterExpression: z.record(z.string(), z.unknown()).optional(),
  expireAfterSeconds: z.int().min(0).optional(),
  collation: z.record(z.string(), z.unknown()).optional(),
});
export type IndexSpec = z.infer<typeof indexSpecSchema>;

export const indexesSchema = z.strictObject({
  /** Usually `${MONGODB_URI}`; the `mongodb-uri` input wins over it. */
  uri: z.string().min(1).optional(),
  database: z.string().min(1),
  /** Passed to the driver as they are (tls, tlsCAFile, authSource, ...). */
  'driver-options': z.record(z.string(), z.unknown()).default({}),
  /** Connection and server-selection timeout: a wrong host fails fast (0 would mean no timeout at all to the driver). */
  timeout: positiveDuration.default(5000),
  concurrency: z.int().min(1).max(64).default(8),
  /** Indexes on the deployment that the config does not declare (SEV4). Off by default. */
  'report-undeclared': z.boolean().default(false),
  /** Indexes with zero operations since their statistics began, from $indexStats (SEV4). Off by default. */
  'report-unused': z.boolean().default(false),
  collections: z.record(z.string().min(1), z.array(indexSpecSchema)),
  queries: z
    .array(
      z.strictObject({
        name: nameSchema,
        collection: z.string().min(1),
        filter: z.record(z.string(), z.unknown()).default({}),
        sort: z.record(z.string(), z.union([z.literal(1), z.literal(-1)])).optional(),
      }),
    )
    .default([]),
});
export type IndexesConfig = z.infer<typeof indexesSchema>;
