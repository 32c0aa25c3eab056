import type { Suppression } from '../core/types.js';
import type { SilenceEntry, SuppressionState } from './suppress.js';

/**
 * Suppressions in words, for the summary, the gate comment, the incident plan's lines and notes.
 * Plain text: the caller escapes for Markdown (`escape`), as the window names and reasons are
 * the config's words.
 */

type Escape = (s: string) => string;
const plain: Escape = (s) => s;

/** "in maintenance: weekly-deploy" / "silenced until 2026-12-10: load tests paused". */
export function suppressionText(s: Suppression, esc: Escape = plain): string {
  return s.kind === 'maintenance' ? `in maintenance: ${esc(s.window)}` : `silenced until ${esc(s.until)}: ${esc(s.reason)}`;
}

/** The lines above the findings: each running window and each silence holding now. */
export function suppressionLines(state: SuppressionState | undefined, esc: Escape = plain): string[] {
  if (!state) return [];
  return [
    ...state.maintenance.map((w) => `In maintenance: ${esc(w.name)} (${w.start} to ${w.end}${w.timezone ? `, ${esc(w.timezone)}` : ''}). Findings are measured and reported; no issue is opened, escalated or closed.`),
    ...state.silences.map((s) => `Silenced until ${esc(s.until)}: ${esc(s.match)} (${esc(s.reason)}).`),
  ];
}

/** One note per expired silence, naming it. */
export function expiredSilenceNote(s: SilenceEntry): string {
  return `silence ${s.match} expired at ${s.endsAt} (until ${s.until}; ${s.reason}): its findings are handled as usual again; remove it from the config`;
}
