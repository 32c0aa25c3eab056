import ms from 'ms';

/**
 * Parses "500ms", "5s", "2m", "1h" into milliseconds; undefined when it is not a duration.
 * A duration states its unit: a bare number (5, or "5") is not one, because `timeout: 5` reads as
 * 5 ms to a machine and as 5 s to a person. Only 0 is the same in every unit.
 */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return v === 0 ? 0 : undefined;
  if (typeof v !== 'string' || v.trim() === '' || isBareNumber(v)) return v === '0' ? 0 : undefined;
  const out = ms(v.trim() as ms.StringValue) as number | undefined;
  return typeof out === 'number' && Number.isFinite(out) && out >= 0 ? out : undefined;
}

/** "5", " 2.5 ": a number written without a unit. */
export function isBareNumber(v: unknown): boolean {
  if (typeof v === 'number') return true;
  return typeof v === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i.test(v);
}

export function formatMs(v: number): string {
  if (v >= 10_000) return `${(v / 1000).toFixed(1)} s`;
  if (v >= 1000) return `${Number((v / 1000).toFixed(2))} s`;
  if (v >= 10) return `${Math.round(v)} ms`;
  if (v >= 1) return `${v.toFixed(1)} ms`;
  return `${v.toFixed(2)} ms`;
}

/** A human length of time: "2 h 5 min", "3 min 20 s", "45 s". */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}
