import type { Silence } from './schema.js';

/**
 * Silences by fingerprint glob. The matcher is linear and uses no regex: fingerprints carry target
 * text, and `*` is the only special character.
 */

/**
 * Whether `text` matches `pattern`, where `*` stands for any run of characters (also none, also
 * `:`). The pattern is split at its stars: the first piece must start the text, the last end it,
 * and each piece between is found left to right after the previous one. The leftmost place is
 * always the right one for a piece, so nothing is ever retried: no backtracking.
 */
export function globMatch(pattern: string, text: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === text;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    if (piece === '') continue;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

export interface SilenceStatus {
  /** Silences still holding at the instant, in config order. */
  readonly active: readonly Silence[];
  /** Silences whose `until` has passed: each becomes a note. */
  readonly expired: readonly Silence[];
}

export function silencesAt(silences: readonly Silence[] | undefined, instant: Date): SilenceStatus {
  const t = instant.getTime();
  const list = silences ?? [];
  return { active: list.filter((s) => t < s.untilMs), expired: list.filter((s) => t >= s.untilMs) };
}

/**
 * Whether `pattern` can match some fingerprint `environment:check:subject` of these environments
 * and checks: the text before its first `*` (all of it without one) must agree with one
 * `environment:check:` prefix. A necessary condition only, but it catches a mistyped environment
 * or check, which would otherwise hold nothing and let the page through.
 */
export function canMatchSome(pattern: string, environments: readonly string[], checks: readonly string[]): boolean {
  const star = pattern.indexOf('*');
  const head = star < 0 ? pattern : pattern.slice(0, star);
  return environments.some((e) => checks.some((c) => {
    const prefix = `${e}:${c}:`;
    return star < 0 ? pattern.startsWith(prefix) : head.startsWith(prefix) || prefix.startsWith(head);
  }));
}
