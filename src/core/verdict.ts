import { meetsThreshold, worstOf, type FailOn } from './severity.js';
import type { Finding, Verdict } from './types.js';

/**
 * The run's verdict. `worstSeverity` and `findingsCount` are of every finding; the status judges
 * only those that are not in maintenance or silenced, unless `judgeSuppressed` (gate mode: a pull
 * request is judged on what it measured, whatever production's windows say).
 */
export function computeVerdict(findings: readonly Finding[], failOn: FailOn, opts: { judgeSuppressed?: boolean } = {}): Verdict {
  const judged = opts.judgeSuppressed ? findings : findings.filter((f) => !f.suppressed);
  const notJudged = findings.length - judged.length;
  return {
    status: meetsThreshold(worstOf(judged.map((f) => f.severity)), failOn) ? 'fail' : 'pass',
    worstSeverity: worstOf(findings.map((f) => f.severity)),
    failOn,
    findingsCount: findings.length,
    ...(notJudged > 0 ? { notJudged } : {}),
  };
}
