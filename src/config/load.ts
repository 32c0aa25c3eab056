import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './schema.js';
import { ConfigError, formatPath, type ConfigProblem } from './errors.js';

export interface LoadedConfig {
  readonly config: Config;
  /** Every value taken from the environment through `${NAME}`, wherever it stands: all are secrets. */
  readonly secrets: readonly string[];
}

/** Reads, interpolates and validates a config file. Returns undefined when the file does not exist. */
export async function loadConfigFile(file: string, env: NodeJS.ProcessEnv): Promise<LoadedConfig | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(file, [{ path: '', message: `cannot read the file: ${(err as Error).message}` }]);
  }
  return parseConfigText(text, file, env);
}

export function parseConfigText(text: string, file: string, env: NodeJS.ProcessEnv): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        path: '',
        line: lineCounter.linePos(e.pos[0]).line,
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  let raw: unknown;
  try {
    // yaml refuses alias expansion past its limit ("a resource exhaustion attack"): a config error.
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError(file, [{ path: '', message: `YAML: ${(err as Error).message.split('\n')[0]}` }]);
  }
  if (raw === null || raw === undefined) {
    throw new ConfigError(file, [{ path: '', message: 'expected a mapping with `environments:`, found an empty file' }]);
  }
  const lineOf = (path: readonly PropertyKey[]) => lineOfPath(doc, lineCounter, path);

  const secrets: string[] = [];
  const problems: ConfigProblem[] = [];
  const fromEnv = new Set<string>();
  const interpolated = interpolate(raw, [], { env, secrets, problems, lineOf, fromEnv });
  if (problems.length > 0) throw new ConfigError(file, problems);

  const parsed = configSchema.safeParse(interpolated, { reportInput: true });
  if (!parsed.success) {
    const found = parsed.error.issues.map((i) => describeIssue(i, lineOf, fromEnv.has(formatPath(i.path))));
    throw new ConfigError(file, found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  return { config: parsed.data, secrets };
}

const VAR = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(:-)?\}/g;

/**
 * Replaces `${NAME}` with the environment's value in every string; `$${` stays a literal `${`.
 * GitHub passes an undefined secret as an empty string, so an empty value is an error too, unless
 * the reference says it may be empty: `${NAME:-}`.
 */
interface InterpolationState {
  readonly env: NodeJS.ProcessEnv;
  readonly secrets: string[];
  readonly problems: ConfigProblem[];
  readonly lineOf: (p: readonly PropertyKey[]) => number | undefined;
  /** Key paths whose value came from the environment: an error shows where, never the value. */
  readonly fromEnv: Set<string>;
}

function interpolate(node: unknown, path: PropertyKey[], st: InterpolationState): unknown {
  const { env, secrets, problems, lineOf } = st;
  if (typeof node === 'string') {
    return node.replace(VAR, (whole, name: string | undefined, mayBeEmpty: string | undefined) => {
      if (name === undefined) return '${';
      const value = env[name] ?? '';
      if (value === '' && !mayBeEmpty) {
        const why = env[name] === undefined ? 'is not set' : 'is empty (GitHub passes a secret that is not defined as an empty string)';
        problems.push({
          path: formatPath(path),
          line: lineOf(path),
          message: `the environment variable ${name} ${why} (referenced as \${${name}}; write \${${name}:-} where empty is fine)`,
        });
        return whole;
      }
      if (value.length > 0) secrets.push(value);
      st.fromEnv.add(formatPath(path));
      return value;
    });
  }
  if (Array.isArray(node)) return node.map((v, i) => interpolate(v, [...path, i], st));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = interpolate(v, [...path, k], st);
    return out;
  }
  return node;
}

function describeIssue(
  issue: z.core.$ZodIssue,
  lineOf: (p: readonly PropertyKey[]) => number | undefined,
  fromEnv: boolean,
): ConfigProblem {
  const path = issue.path;
  const describeValue = (v: unknown) => (fromEnv ? 'a value taken from the environment (not shown)' : describe(v));
  let message: string;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const where = [...path];
      return {
        path: formatPath(where),
        line: lineOf([...where, issue.keys[0] ?? '']) ?? lineOf(where),
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (a typo would silently disable a check)`,
      };
    }
    case 'invalid_type':
      message =
        issue.input === undefined
          ? `required: expected ${issue.expected}, found nothing`
          : `expected ${issue.expected}, found ${describeValue(issue.input)}`;
      break;
    case 'invalid_value':
      message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(issue.input)}`;
      break;
    default:
      // What was found is worth saying of a scalar; a refinement on a mapping or list says it itself.
      message = issue.input === undefined || (typeof issue.input === 'object' && issue.input !== null) ? issue.message : `${issue.message}, found ${describeValue(issue.input)}`;
  }
  return { path: formatPath(path), line: lineOf(path), message };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  return `${typeof v} ${String(v)}`;
}

function lineOfPath(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  const at = (n: unknown) => {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    if (range) line = lc.linePos(range[0]).line;
  };
  at(node);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      at(pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      at(node);
    } else break;
  }
  return line;
}
