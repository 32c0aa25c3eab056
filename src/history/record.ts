import { z } from 'zod';
import { FAILURE_CLASSES } from '../core/types.js';
import { SEVERITIES } from '../core/severity.js';

/**
 * One monitor run, as the run history keeps it: one JSON line per run and environment, with
 * short keys (a 5-minute schedule writes 8,928 of them a month). `schema` names the version; a
 * reader of every version this code has written turns each into the current shape.
 */
export const RUN_SCHEMA = 'launchguard.run/v1';

/** A probe's outcome: [up (1) or down (0), latency in ms, failure class when down]. */
const probeTuple = z.union([
  z.tuple([z.literal(1), z.number()]),
  z.tuple([z.literal(0), z.number(), z.enum(FAILURE_CLASSES)]),
]);

const v1 = z.object({
  schema: z.literal(RUN_SCHEMA),
  /** When the run started (ISO 8601, UTC). */
  t: z.iso.datetime(),
  /** The event that started it (GITHUB_EVENT_NAME); absent for the CLI. */
  ev: z.string().optional(),
  /** The workflow's cron, from a schedule event's payload. */
  c: z.string().optional(),
  /** The cron's tick this run was scheduled for: its start minus this is GitHub's delay. */
  sch: z.iso.datetime().optional(),
  /** The expected interval to the next run, in ms (the cron's spacing at this tick). */
  i: z.number().int().positive().optional(),
  /** Health probes by name. */
  p: z.record(z.string(), probeTuple).optional(),
  /** Metric values by threshold name, in the threshold's unit. */
  m: z.record(z.string(), z.number()).optional(),
  /** The load summary: p95 in ms, error rate (fraction), requests per second, requests. */
  l: z.object({ p95: z.number(), er: z.number(), rps: z.number(), n: z.number() }).optional(),
  /** Fingerprints observed this run, without the `<environment>:` prefix. */
  o: z.array(z.string()).optional(),
  /** Fingerprints that failed this run (had a finding), without the prefix. */
  f: z.array(z.string()).optional(),
  /** The run's worst severity. */
  w: z.enum([...SEVERITIES, 'none']).optional(),
});
// Not strict: a later version that only adds keys stays readable by this one.
export type RunRecord = z.infer<typeof v1>;

/**
 * Every version this code can read, each turned into the current shape. A new version adds its
 * schema here with a function from it to the current record; older entries stay.
 */
const READERS: Readonly<Record<string, (raw: unknown) => RunRecord | undefined>> = {
  [RUN_SCHEMA]: (raw) => {
    const r = v1.safeParse(raw);
    return r.success ? r.data : undefined;
  },
};

export interface ParsedRecords {
  readonly records: RunRecord[];
  /** Lines that are not JSON, fail their version's schema, or name a version this code does not know. */
  readonly skipped: number;
  /** The skipped lines' numbers (from 1), for a note that names them. */
  readonly badLines: readonly number[];
  /** Versions met that this code cannot read (written by a newer launchguard). */
  readonly unknownSchemas: readonly string[];
}

/** Reads a JSONL history file; a bad line is counted and skipped, never fatal (one torn write must not stop monitoring). */
export function parseRecords(text: string): ParsedRecords {
  const records: RunRecord[] = [];
  const unknown = new Set<string>();
  const badLines: number[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      badLines.push(index + 1);
      continue;
    }
    const schema = typeof raw === 'object' && raw !== null && typeof (raw as { schema?: unknown }).schema === 'string' ? (raw as { schema: string }).schema : '';
    const read = Object.hasOwn(READERS, schema) ? READERS[schema]!(raw) : undefined;
    if (read) records.push(read);
    else {
      badLines.push(index + 1);
      if (schema && !Object.hasOwn(READERS, schema)) unknown.add(schema);
    }
  }
  return { records, skipped: badLines.length, badLines, unknownSchemas: [...unknown] };
}

/** One record as its line (with the newline). */
export function recordLine(r: RunRecord): string {
  return `${JSON.stringify(r)}\n`;
}

export function recordTime(r: RunRecord): number {
  return Date.parse(r.t);
}
