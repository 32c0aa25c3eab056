import { fingerprint, grade, type EvalContext, type Graded, type Judged } from '../check.js';
import type { IndexesConfig } from './schema.js';
import { collectionProblems, worstProblem, type IndexProblem } from './problems.js';
import { ruleSeverity, type Severity } from '../../core/severity.js';
import type { IndexesResult, QueryPlan } from './types.js';

/** The indexes check's verdicts: the connection, each declared collection, each declared query's plan. */
export type IndexesVerdict =
  | { readonly kind: 'notes'; readonly notes: readonly string[] }
  | { readonly kind: 'unreachable'; readonly result: IndexesResult; readonly error: NonNullable<IndexesResult['error']>; readonly graded?: Graded }
  /** `severity` absent: every problem's rule is off (the row is skipped), or there is none (it passes). */
  | { readonly kind: 'collection'; readonly collection: string; readonly exists: boolean; readonly declared: number; readonly problems: readonly IndexProblem[]; readonly severity?: Severity }
  | { readonly kind: 'query'; readonly query: QueryPlan };

/** Pure. One verdict per collection: ten missing indexes are one incident. */
export function evaluateIndexes(result: IndexesResult, cfg: IndexesConfig, ctx: EvalContext): Judged<IndexesVerdict> {
  const observed = [fingerprint(ctx.environment, 'indexes', 'connection')];
  const verdicts: IndexesVerdict[] = [{ kind: 'notes', notes: result.notes }];
  if (!result.connected) {
    const graded = grade(ctx, 'indexes-unreachable');
    verdicts.push({ kind: 'unreachable', result, error: result.error!, ...(graded ? { graded } : {}) });
    return { verdicts, observed };
  }
  for (const c of result.collections) {
    observed.push(fingerprint(ctx.environment, 'indexes', c.name));
    const problems = collectionProblems(cfg, c, result);
    const severity = worstProblem(problems, (r) => ruleSeverity(r, ctx.severity));
    verdicts.push({ kind: 'collection', collection: c.name, exists: c.exists, declared: cfg.collections[c.name]?.length ?? 0, problems, ...(severity ? { severity } : {}) });
  }
  for (const query of result.queries) verdicts.push({ kind: 'query', query });
  return { verdicts, observed };
}
