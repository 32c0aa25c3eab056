import type { IncidentsConfig } from '../incidents/schema.js';
import { severityFromLabels, type ExistingIssue } from '../incidents/state.js';
import type { IncidentInput } from './model.js';

/**
 * launchguard's incident issues as the page shows them, pure: the environment is the fingerprint's
 * first part, the severity the issue's state (or its label when the state block was edited away),
 * the start the incident's `openedAt` (or the issue's creation), the link the issue's page.
 */
export function incidentsFromIssues(issues: readonly ExistingIssue[], cfg: IncidentsConfig, repoUrl: string): IncidentInput[] {
  return issues.flatMap((i) => {
    const colon = i.fingerprint.indexOf(':');
    const severity = i.incident?.severity ?? severityFromLabels(i.labels, cfg);
    if (colon <= 0 || !severity) return [];
    return [{
      environment: i.fingerprint.slice(0, colon),
      title: i.incident?.title ?? i.title,
      severity,
      url: `${repoUrl}/issues/${i.number}`,
      openedAt: i.incident?.lastOpenedAt ?? i.incident?.openedAt ?? i.createdAt,
      ...(i.state === 'closed' && i.closedAt ? { closedAt: i.closedAt } : {}),
    }];
  });
}
