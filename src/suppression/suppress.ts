import type { Finding, Suppression } from '../core/types.js';
import type { MaintenanceWindow, Silence } from './schema.js';
import { globMatch, silencesAt } from './silences.js';
import { maintenanceAt, type ActiveWindow } from './windows.js';

/**
 * What is held from incidents at the run's instant: the maintenance windows running for the
 * environment and the silences still holding. Pure, and kept in the report as it is, so the
 * incident plan (and anything after it) decides from the same values the summary shows.
 */

export interface SilenceEntry {
  readonly match: string;
  readonly until: string;
  /** The first instant the silence no longer holds (ISO, UTC). */
  readonly endsAt: string;
  readonly reason: string;
}

export interface SuppressionState {
  /** The instant that decided (the run's start). */
  readonly at: string;
  readonly maintenance: readonly ActiveWindow[];
  readonly silences: readonly SilenceEntry[];
  readonly expiredSilences: readonly SilenceEntry[];
}

export interface SuppressionConfig {
  readonly maintenance?: readonly MaintenanceWindow[];
  readonly silences?: readonly Silence[];
}

const entry = (s: Silence): SilenceEntry => ({ match: s.match, until: s.until, endsAt: new Date(s.untilMs).toISOString(), reason: s.reason });

/** Undefined when the config declares neither windows nor silences. */
export function suppressionAt(config: SuppressionConfig, environment: string, now: Date): SuppressionState | undefined {
  if (!config.maintenance?.length && !config.silences?.length) return undefined;
  const { active, expired } = silencesAt(config.silences, now);
  return { at: now.toISOString(), maintenance: maintenanceAt(config, environment, now), silences: active.map(entry), expiredSilences: expired.map(entry) };
}

/** Why `fingerprint` is held this run, if it is: a maintenance window first, then the first silence matching it. */
export function suppressionOf(state: SuppressionState | undefined, fingerprint: string): Suppression | undefined {
  if (!state) return undefined;
  const w = state.maintenance[0];
  if (w) return { kind: 'maintenance', window: w.name, until: w.end };
  const s = state.silences.find((x) => globMatch(x.match, fingerprint));
  return s ? { kind: 'silence', match: s.match, until: s.until, reason: s.reason } : undefined;
}

/** Each finding with its suppression, when it has one. */
export function markSuppressed<F extends Finding>(findings: readonly F[], state: SuppressionState | undefined): F[] {
  return findings.map((f) => {
    const s = suppressionOf(state, f.fingerprint);
    return s ? { ...f, suppressed: s } : f;
  });
}
