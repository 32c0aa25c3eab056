import { meetsThreshold, worstOf, type FailOn } from './severity.js';
import type { Finding, Verdict } from './types.js';

export function computeVerdict(findings: readonly Finding[], failOn: FailOn): Verdict {
  const worstSeverity = worstOf(findings.map((f) => f.severity));
  return {
    status: meetsThreshold(worstSeverity, failOn) ? 'fail' : 'pass',
    worstSeverity,
    failOn,
    findingsCount: findings.length,
  };
}
