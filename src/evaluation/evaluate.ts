import { CHECK_REGISTRY } from '../checks/registry.js';
import type { AnyCheck, Check, EvalContext, Rendered } from '../checks/check.js';
import type { CheckFacts, CheckResults, Evaluation } from '../checks/results.js';
import { renderFailures } from './failures.js';
import { foldOutages } from './outages.js';
import { judgeHistory } from '../history/judge/index.js';
import { renderHistory } from '../history/render.js';

export type { EvalContext } from '../checks/check.js';

/**
 * Check results → rows, findings, notes and the fingerprints observed. Pure: same input, same
 * output. Each check in the registry judges its own result (evaluate, structured) and puts it in
 * words (render); a check that broke is a finding of its own; then one outage folds the findings
 * it explains. With the run history, its judgements follow the checks'.
 */
export function evaluate(results: CheckResults, ctx: EvalContext): Evaluation {
  const observed: string[] = [];
  const parts: Rendered[] = [];
  let facts: CheckFacts = {};
  for (const check of CHECK_REGISTRY as readonly AnyCheck[] as readonly Check[]) {
    const judged = check.evaluate(results, ctx);
    if (!judged) continue;
    observed.push(...judged.observed);
    if (judged.facts) facts = { ...facts, ...judged.facts };
    parts.push(check.render(judged, ctx));
  }
  // The run history's judgements (SLO, burn rates, schedule gaps): pure over the records and this run's results.
  if (ctx.history) {
    const judged = judgeHistory(results, ctx);
    observed.push(...judged.observed);
    facts = { ...facts, history: judged.historyFacts };
    parts.push(renderHistory(judged.verdicts, ctx));
  }
  parts.push(...renderFailures(results.failures ?? [], ctx));
  return foldOutages({
    ...(Object.keys(facts).length ? { facts } : {}),
    rows: parts.flatMap((p) => p.rows),
    findings: parts.flatMap((p) => p.findings),
    notes: parts.flatMap((p) => p.notes),
    observed,
  }, parts.flatMap((p) => p.located), ctx);
}
