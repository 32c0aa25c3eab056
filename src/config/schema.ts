import { z } from 'zod';
import { formatMs, isBareNumber, parseDuration } from './duration.js';
import { DEFAULT_RULE_SEVERITY, SEVERITIES } from '../core/severity.js';

/**
 * The config file's schema. Every object is strict: an unknown key is an error, because a typo
 * would otherwise switch a check off in silence. Later checks add optional keys beside these.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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
  return z.union([z.number(), z.string()]).transform((v, ctx) => {
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
/** The load run's length without allow-heavy. */
export const LOAD_CAP_MS = 10 * MINUTE;

/** Severity names in any case, as the inputs and the CLI accept them: `SEV3` and `sev3` are one. */
const lowerCase = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
const severity = z.preprocess(lowerCase, z.enum(SEVERITIES, { error: 'expected one of sev1, sev2, sev3, sev4' }));

/** A duration that must be above 0: a timeout, a budget or a run length of 0 cannot work. */
const positiveDuration = duration(MAX_WAIT_MS, { positive: true });

/** Names become fingerprints: two probes (or two load requests) of one name would be one incident. */
function uniqueNames(list: readonly { name: string }[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const key = item.name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `expected a unique name: "${item.name}" is also the name of entry ${first}`, input: item.name });
    else seen.set(key, i);
  });
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

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
const headers = z.record(z.string().min(1), headerValueSchema).superRefine((set, ctx) => {
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
const nameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected a name of letters, digits, "-", "_" or "."');

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
const pathSchema = z.string().superRefine((v, ctx) => {
  const problem = pathProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: v });
});

/** What a probe and a load request share: where to send what. */
const requestFields = {
  name: nameSchema,
  path: pathSchema.default(''),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default('GET'),
  headers: headers.optional(),
  body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
};

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

export const levelSchema = z
  .strictObject({
    severity,
    above: z.number().optional(),
    'at-least': z.number().optional(),
    below: z.number().optional(),
    'at-most': z.number().optional(),
  })
  .refine((l) => ['above', 'at-least', 'below', 'at-most'].filter((k) => k in l).length === 1, {
    message: 'expected exactly one of above, at-least, below, at-most',
  });
export type Level = z.infer<typeof levelSchema>;

/**
 * A percent-valued metric. `unit` says how the app reports it: `percent` (99.1) or `fraction` (0.991).
 * Left out, a value above 1 is read as percent; for the payment success rate a value in (0, 1] is
 * ambiguous and reported as unreadable rather than guessed.
 */
const metricField = z.strictObject({
  field: z.string().min(1),
  unit: z.enum(['percent', 'fraction'], { error: 'expected percent (99.1) or fraction (0.991)' }).optional(),
  levels: z.array(levelSchema).min(1).optional(),
});

const endpointCommon = {
  timeout: positiveDuration.default(5000),
  retries: z.int().min(0).max(10).default(2),
};

export const metricsSchema = z.strictObject({
  system: z
    .strictObject({
      path: pathSchema.default('/api/monitoring/system-metrics'),
      ...endpointCommon,
      cpu: metricField.optional(),
      memory: metricField.optional(),
      disk: metricField.optional(),
    })
    .optional(),
  usage: z
    .strictObject({
      path: pathSchema.default('/api/monitoring/usage-stats'),
      ...endpointCommon,
      'payment-success-rate': metricField.optional(),
    })
    .optional(),
  alerts: z
    .strictObject({
      path: pathSchema.default('/api/monitoring/alerts'),
      ...endpointCommon,
      items: z.string().default('alerts'),
      level: z.string().default('level'),
      message: z.string().default('message'),
      id: z.string().default('type'),
    })
    .optional(),
  thresholds: z
    .array(
      z.strictObject({
        name: nameSchema,
        source: z.enum(['system', 'usage']),
        field: z.string().min(1),
        unit: z.string().default(''),
        levels: z.array(levelSchema).min(1),
      }),
    )
    .default([]),
}).superRefine((m, ctx) => {
  // A threshold on an endpoint that is never fetched would be dropped in silence.
  for (const [i, t] of m.thresholds.entries()) {
    if (!m[t.source]) {
      ctx.addIssue({ code: 'custom', path: ['thresholds', i, 'source'], message: `the ${t.source} endpoint is not configured, so threshold "${t.name}" would never be read; add metrics.${t.source} (its path has a default)`, input: t.source });
    }
  }
});
export type MetricsConfig = z.infer<typeof metricsSchema>;

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

export const budgetsSchema = z.strictObject({
  p50: positiveDuration.optional(),
  p95: positiveDuration.optional(),
  'error-rate': percentSchema.optional(),
});
export type Budgets = z.infer<typeof budgetsSchema>;

const loadRequestSchema = z.strictObject({
  ...requestFields,
  /** Optional and off by default: the load step is not a second health probe. */
  'expect-body-contains': z.string().min(1).optional(),
  budgets: budgetsSchema.optional(),
});
export type LoadRequestConfig = z.infer<typeof loadRequestSchema>;

export const loadSchema = z.strictObject({
  requests: z.array(loadRequestSchema).min(1).superRefine(uniqueNames).optional(),
  connections: z.int().min(1).default(10),
  /** Above 10 minutes (with warmup) only with allow-heavy; never above a day. */
  duration: duration(DAY, { positive: true }).default(10_000),
  amount: z.int().min(1).optional(),
  /** A cap on requests per second over all connections, so a production service is not flattened. */
  rate: z.int().min(1).optional(),
  warmup: duration(HOUR).default(0),
  timeout: positiveDuration.default(10_000),
  /** Load generator processes on this runner: a number, or "auto" for one per CPU (at most 8). */
  workers: z.union([z.int().min(1).max(64), z.literal('auto')]).default(1),
  /** In gate mode the load test runs this many times and the median of each metric is judged. */
  samples: z.int().min(1).max(15).default(3),
  /** Lifts the safety caps of 1,000 connections and 10 minutes. */
  'allow-heavy': z.boolean().default(false),
  budgets: budgetsSchema.default({}),
  regression: z
    .strictObject({
      threshold: percentSchema.default(25),
      floor: durationSchema.default(20),
      'baseline-runs': z.int().min(1).max(100).default(10),
    })
    .default({ threshold: 25, floor: 20, 'baseline-runs': 10 }),
  history: z
    .strictObject({
      branch: z.string().min(1).default('launchguard-data'),
      'max-entries': z.int().min(1).max(10_000).default(100),
      /** Where the CLI keeps the same history on disk. */
      directory: z.string().default('.launchguard/history'),
    })
    .default({ branch: 'launchguard-data', 'max-entries': 100, directory: '.launchguard/history' }),
}).superRefine((l, ctx) => {
  // The safety cap on the length of a load run, at the key that sets it (allow-heavy lifts it).
  if (!l['allow-heavy'] && l.duration + l.warmup > LOAD_CAP_MS) {
    ctx.addIssue({ code: 'custom', path: ['duration'], message: `duration plus warmup is ${formatMs(l.duration + l.warmup)}, above the safety cap of 10 minutes; set allow-heavy: true if you mean it` });
  }
});
export type LoadConfig = z.infer<typeof loadSchema>;

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

export const environmentSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  headers: headers.optional(),
  tls: z
    .strictObject({
      ca: z.string().optional(),
      'reject-unauthorized': z.boolean().default(true),
    })
    .optional(),
  health: z.array(probeSchema).superRefine(uniqueNames).optional(),
  metrics: metricsSchema.optional(),
  load: loadSchema.optional(),
  indexes: indexesSchema.optional(),
});
export type EnvironmentConfig = z.infer<typeof environmentSchema>;

const ruleIds = Object.keys(DEFAULT_RULE_SEVERITY) as [keyof typeof DEFAULT_RULE_SEVERITY];
const severityOverrides = z.partialRecord(
  z.enum(ruleIds, { error: `expected a rule id: ${ruleIds.join(', ')}` }),
  z.preprocess(lowerCase, z.union([severity, z.literal('off')], { error: 'expected sev1, sev2, sev3, sev4 or off' })),
);

const optionalDuration = duration(365 * DAY, { off: true }).transform((v): number | undefined => v);

export const incidentsSchema = z.strictObject({
  /** Consecutive failing runs before an issue opens. Probes already retry within a run, so 1. */
  'open-after': z.int().min(1).max(100).default(1),
  /** Consecutive passing runs before an issue closes. */
  'close-after': z.int().min(1).max(100).default(2),
  /** A failure within this long after closing reopens the same issue; later ones open a new issue. */
  'reopen-within': duration(365 * DAY).default(24 * 3600_000),
  /** A reminder comment on an incident still open after this long ("off" for none). */
  'remind-after': optionalDuration.optional(),
  /** At most this many new issues per run; the rest are listed in the summary. */
  'max-new-per-run': z.int().min(0).max(100).default(10),
  /** Findings below this severity do not become issues. */
  'min-severity': severity.default('sev4'),
  labels: z
    .strictObject({
      base: z.string().min(1).default('launchguard'),
      sev1: z.string().min(1).default('sev1'),
      sev2: z.string().min(1).default('sev2'),
      sev3: z.string().min(1).default('sev3'),
      sev4: z.string().min(1).default('sev4'),
      'environment-prefix': z.string().default('env:'),
    })
    .default({ base: 'launchguard', sev1: 'sev1', sev2: 'sev2', sev3: 'sev3', sev4: 'sev4', 'environment-prefix': 'env:' }),
  /** Where open-after > 1 keeps its counters before an issue exists. */
  branch: z.string().min(1).default('launchguard-data'),
});
export type IncidentsConfig = z.infer<typeof incidentsSchema>;

export const configSchema = z.strictObject({
  version: z.literal(1, { error: 'expected 1' }).default(1),
  environments: z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/), environmentSchema),
  severity: severityOverrides.default({}),
  incidents: incidentsSchema.default(() => incidentsSchema.parse({})),
});
export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
