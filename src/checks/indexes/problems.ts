import type { IndexSpec, IndexesConfig } from './schema.js';
import { isDeepStrictEqual } from 'node:util';
import { rank, type RuleId, type Severity } from '../../core/severity.js';
import type { CollectionIndexes, IndexesResult } from './types.js';

/** One thing wrong with a collection's indexes, with the rule that grades it. Structured: render.ts puts it in words and writes the fix. */
export type IndexProblem = { readonly rule: RuleId; readonly collection: string } & (
  | { readonly kind: 'collection-missing'; readonly database: string; readonly expected: readonly IndexSpec[] }
  | { readonly kind: 'index-missing'; readonly spec: IndexSpec }
  | { readonly kind: 'index-differs'; readonly name: string; readonly spec: IndexSpec; readonly diffs: readonly OptionDiff[]; readonly uniqueLost: boolean; readonly ttlOnly: boolean }
  | { readonly kind: 'undeclared'; readonly name: string; readonly key: unknown }
  | { readonly kind: 'unused'; readonly name: string; readonly since: string }
  | { readonly kind: 'collscan'; readonly query: string; readonly stages: readonly string[] }
);

export interface OptionDiff {
  readonly option: string;
  readonly expected: unknown;
  readonly found: unknown;
}

type Actual = Record<string, unknown>;
export const OPTIONS = ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'collation'] as const;

/** The key pattern as ordered [field, direction] pairs: order and direction both matter. */
export function keyOf(key: unknown): [string, unknown][] {
  return Object.entries((key ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'bigint' ? Number(v) : v]);
}

export function sameKey(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(keyOf(a), keyOf(b));
}

/** Declared options that differ from the actual index; an option not declared is not compared. */
export function optionDiffs(spec: IndexSpec, actual: Actual): OptionDiff[] {
  const out: OptionDiff[] = [];
  for (const opt of OPTIONS) {
    const expected = spec[opt];
    if (expected === undefined) continue;
    let found = actual[opt];
    if (opt === 'unique' || opt === 'sparse') found = found === true;
    if (opt === 'expireAfterSeconds' && found !== undefined) found = Number(found);
    if (opt === 'collation' && found && typeof found === 'object') {
      // The server fills in every collation field; compare the ones declared.
      const f = found as Record<string, unknown>;
      found = Object.fromEntries(Object.keys(expected as object).map((k) => [k, f[k]]));
    }
    if (!isDeepStrictEqual(expected, found)) out.push({ option: opt, expected, found: actual[opt] });
  }
  if (spec.name !== undefined && spec.name !== actual.name) out.push({ option: 'name', expected: spec.name, found: actual.name });
  return out;
}

/** Everything wrong with one collection. Pure. */
export function collectionProblems(cfg: IndexesConfig, c: CollectionIndexes, result: IndexesResult): IndexProblem[] {
  const expected = cfg.collections[c.name] ?? [];
  const problems: IndexProblem[] = [];
  if (!c.exists) {
    problems.push({ rule: 'indexes-collection-missing', collection: c.name, kind: 'collection-missing', database: result.database, expected });
    return problems;
  }
  const matched = new Set<Actual>();
  for (const spec of expected) {
    const actual = (c.indexes as Actual[]).find((i) => sameKey(i.key, spec.key));
    if (!actual) {
      problems.push({ rule: spec.unique ? 'indexes-unique-missing' : 'indexes-missing', collection: c.name, kind: 'index-missing', spec });
      continue;
    }
    matched.add(actual);
    const diffs = optionDiffs(spec, actual);
    if (diffs.length === 0) continue;
    const uniqueLost = diffs.some((d) => d.option === 'unique' && d.expected === true);
    const ttlOnly = diffs.length === 1 && diffs[0]!.option === 'expireAfterSeconds' && actual.expireAfterSeconds !== undefined;
    problems.push({ rule: uniqueLost ? 'indexes-unique-missing' : 'indexes-missing', collection: c.name, kind: 'index-differs', name: String(actual.name), spec, diffs, uniqueLost, ttlOnly });
  }
  if (cfg['report-undeclared']) {
    for (const i of c.indexes as Actual[]) {
      if (i.name === '_id_' || matched.has(i)) continue;
      problems.push({ rule: 'indexes-undeclared', collection: c.name, kind: 'undeclared', name: String(i.name), key: i.key });
    }
  }
  if (cfg['report-unused'] && c.stats) {
    for (const s of c.stats) {
      if (s.name === '_id_' || s.ops > 0) continue;
      problems.push({ rule: 'indexes-unused', collection: c.name, kind: 'unused', name: s.name, since: s.since });
    }
  }
  for (const q of result.queries) {
    if (q.collection === c.name && q.collscan) {
      problems.push({ rule: 'indexes-collscan', collection: c.name, kind: 'collscan', query: q.name, stages: q.stages });
    }
  }
  return problems;
}

/** The worst severity among problems, after overrides; undefined when all their rules are off. */
export function worstProblem(problems: readonly IndexProblem[], severityOf: (r: RuleId) => Severity | undefined): Severity | undefined {
  let worst: Severity | undefined;
  for (const p of problems) {
    const s = severityOf(p.rule);
    if (s && (!worst || rank(s) < rank(worst))) worst = s;
  }
  return worst;
}

type PlanNode = Record<string, unknown>;

/**
 * The stage names of an explain's winning plan, depth first, and the indexes it scans. Pure. Walks
 * classic plans (`inputStage`, `inputStages`), slot-based ones (`winningPlan.queryPlan`) and sharded
 * ones: mongos's merge stage (`SHARD_MERGE`, `SHARD_MERGE_SORT`, `SINGLE_SHARD`) with each shard's own
 * `winningPlan` under `shards[]`, so a COLLSCAN on one shard is found.
 */
export function planStages(explain: unknown): { stages: string[]; indexNames: string[] } {
  const stages: string[] = [];
  const indexNames: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 100) return;
    const n = node as PlanNode;
    if (n.queryPlan && typeof n.queryPlan === 'object' && n.stage === undefined) return walk(n.queryPlan, depth + 1);
    if (typeof n.stage === 'string') stages.push(n.stage);
    if (typeof n.indexName === 'string') indexNames.push(n.indexName);
    if (n.inputStage) walk(n.inputStage, depth + 1);
    for (const child of Array.isArray(n.inputStages) ? n.inputStages : []) walk(child, depth + 1);
    for (const shard of Array.isArray(n.shards) ? n.shards : []) walk((shard as PlanNode).winningPlan ?? shard, depth + 1);
  };
  walk(((explain as PlanNode | undefined)?.queryPlanner as PlanNode | undefined)?.winningPlan, 0);
  return { stages, indexNames };
}
