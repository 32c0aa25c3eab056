/** Severity levels, most severe first, with the post-launch guide's response and resolution targets. */
export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type WorstSeverity = Severity | 'none';
export type FailOn = Severity | 'none';

export interface SeverityTargets {
  readonly response: string;
  readonly resolution: string;
}

export const SEVERITY_TARGETS: Readonly<Record<Severity, SeverityTargets>> = {
  sev1: { response: '< 5 min', resolution: '< 1 h' },
  sev2: { response: '< 30 min', resolution: '< 4 h' },
  sev3: { response: '< 4 h', resolution: '< 24 h' },
  sev4: { response: '< 2 business days', resolution: 'next sprint' },
};

/** Lower rank = more severe. */
export function rank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function worstOf(list: readonly Severity[]): WorstSeverity {
  let worst: WorstSeverity = 'none';
  for (const s of list) if (worst === 'none' || rank(s) < rank(worst)) worst = s;
  return worst;
}

/** True when `s` is at or above (as severe as, or more than) the `failOn` threshold. */
export function meetsThreshold(s: WorstSeverity, failOn: FailOn): boolean {
  if (s === 'none' || failOn === 'none') return false;
  return rank(s) <= rank(failOn);
}

export function sevName(s: Severity): string {
  return s.toUpperCase();
}

/**
 * Default severity of every rule. Each rule id is stable: users override them in the
 * config's `severity:` map, and the incident issues use them to explain a finding.
 */
export const DEFAULT_RULE_SEVERITY = {
  'health-failed': 'sev1',
  /** A first failed run right after an up run: not yet known to last over a minute (SEV1 once it does). */
  'health-failed-brief': 'sev2',
  'health-latency': 'sev3',
  'metrics-unavailable': 'sev3',
  'metrics-field-missing': 'sev3',
  'alert-critical': 'sev2',
  'alert-warning': 'sev3',
  'alert-info': 'sev4',
  'load-unreachable': 'sev1',
  'load-error-rate-critical': 'sev2',
  'load-p95-critical': 'sev2',
  'load-error-rate': 'sev3',
  'load-p95': 'sev3',
  'load-p50': 'sev3',
  'load-regression': 'sev3',
  'indexes-unreachable': 'sev1',
  'indexes-unique-missing': 'sev2',
  'indexes-missing': 'sev3',
  'indexes-collscan': 'sev3',
  'indexes-collection-missing': 'sev3',
  'indexes-undeclared': 'sev4',
  'indexes-unused': 'sev4',
  'audits-failed': 'sev3',
  'audits-compression': 'sev4',
  'audits-pagination': 'sev3',
  'audits-caching': 'sev4',
  'audits-size': 'sev3',
  'audits-tls-expired': 'sev1',
  'audits-tls-expiring-critical': 'sev2',
  'audits-tls-expiring': 'sev3',
  'audits-tls-hostname': 'sev2',
  'audits-tls-chain': 'sev2',
  'audits-tls-untrusted': 'sev2',
  'audits-hsts': 'sev4',
  'audits-nosniff': 'sev4',
  'check-failed': 'sev3',
  'slo-fast-burn': 'sev2',
  'slo-slow-burn': 'sev3',
  'slo-budget-exhausted': 'sev2',
  'schedule-gap': 'sev4',
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof DEFAULT_RULE_SEVERITY;
export type SeverityOverrides = Partial<Record<RuleId, Severity | 'off'>>;

/** The severity of a rule after overrides; `undefined` means the rule is switched off. */
export function ruleSeverity(rule: RuleId, overrides: SeverityOverrides): Severity | undefined {
  const o = overrides[rule];
  if (o === 'off') return undefined;
  return o ?? DEFAULT_RULE_SEVERITY[rule];
}
