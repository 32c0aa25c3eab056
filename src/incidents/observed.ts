/**
 * What a run looked at. `evaluate` lists the fingerprints whose rule it actually evaluated this
 * run, passing or failing; a family whose members are not known in advance (the app's alerts: an
 * alert that is gone has no subject left) is one entry ending in `*`, which stands for every
 * fingerprint that starts with the rest. An incident counts a passing run only when its
 * fingerprint was observed and had no finding: a check that did not run is no evidence.
 */
export type Observed = readonly string[];

export function family(prefix: string): string {
  return `${prefix}*`;
}

export function observes(observed: Observed, fingerprint: string): boolean {
  for (const o of observed) {
    if (o === fingerprint) return true;
    if (o.endsWith('*') && fingerprint.startsWith(o.slice(0, -1))) return true;
  }
  return false;
}
