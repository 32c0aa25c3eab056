import type { IncidentsConfig } from '../incidents/schema.js';
import { repairState, type ExistingIssue } from '../incidents/state.js';
import type { IncidentInput } from './model.js';

/**
 * launchguard's incident issues as the page and the review show them, pure: the environment is the
 * fingerprint's first part; severity, title and start come from the issue's state block, or, when
 * that was edited away, from what the incidents code rebuilds it from (label or `[SEVn]` title,
 * creation time); the start is the last (re)opening; the link is the issue's page.
 */
export function incidentsFromIssues(issues: readonly ExistingIssue[], cfg: IncidentsConfig, repoUrl: string): IncidentInput[] {
  return issues.flatMap((i) => {
    const colon = i.fingerprint.indexOf(':');
    if (colon <= 0) return [];
    const s = i.incident ?? repairState(i, cfg);
    return [{
      environment: i.fingerprint.slice(0, colon),
      title: s.title,
      severity: s.severity,
      url: `${repoUrl}/issues/${i.number}`,
      openedAt: s.lastOpenedAt ?? s.openedAt,
      ...(i.state === 'closed' && i.closedAt ? { closedAt: i.closedAt } : {}),
    }];
  });
}
