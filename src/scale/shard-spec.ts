import { z } from 'zod';
import { UserError } from '../config/errors.js';

/** Which share of a split load a run takes: shard `index` of `count` (the `shard` input, "2/3"). */
export const shardSpecSchema = z.object({ index: z.int().min(1), count: z.int().min(1) });
export type ShardSpec = Readonly<z.infer<typeof shardSpecSchema>>;

/** Parses "2/3". */
export function parseShard(text: string, where: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count || count > 256) {
    throw new UserError(`${where}: expected "i/N" with 1 ≤ i ≤ N ≤ 256, such as "2/3", found ${JSON.stringify(text)}`);
  }
  return { index, count };
}

/** Splits `total` into `parts` whole shares that differ by at most one; share `i` counts from 0. */
export function share(total: number, parts: number, i: number): number {
  return Math.floor(total / parts) + (i < total % parts ? 1 : 0);
}
