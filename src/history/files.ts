import { historyFileName } from '../baseline/store.js';

/**
 * Where run records live, pure: one folder per environment, one file per month (UTC), and a
 * further part of the month when a file would pass MAX_PART_BYTES (the contents API serves files
 * up to 1 MB): `2026-11.jsonl`, then `2026-11.2.jsonl`, ...
 */

export const MAX_PART_BYTES = 900 * 1024;

/** The environment's folder under a root (`launchguard/history` on the data branch, the CLI's directory). */
export function environmentFolder(root: string, environment: string): string {
  // The baseline's file-name rule (`prod.json` beside `prod/`), without its extension.
  return `${root}/${historyFileName(environment).slice(0, -'.json'.length)}`;
}

/** 'YYYY-MM' of a time, in UTC. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function partName(month: string, part: number): string {
  return part <= 1 ? `${month}.jsonl` : `${month}.${part}.jsonl`;
}

export interface PartRef {
  readonly month: string;
  readonly part: number;
  readonly name: string;
}

const PART = /^(\d{4}-\d{2})(?:\.(\d{1,4}))?\.jsonl$/;

/** A file name of the history, or undefined for anything else in the folder. */
export function parsePartName(name: string): PartRef | undefined {
  const m = PART.exec(name);
  if (!m) return undefined;
  const part = m[2] === undefined ? 1 : Number(m[2]);
  return part >= 1 ? { month: m[1]!, part, name } : undefined;
}

/** Every month from `fromMs` to `toMs`, oldest first. */
export function monthsBetween(fromMs: number, toMs: number): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(new Date(fromMs).getUTCFullYear(), new Date(fromMs).getUTCMonth(), 1));
  // Bounded: at most the months of the longest window read (90 days) plus one, and never more than 1200.
  for (let i = 0; i < 1200 && d.getTime() <= toMs; i++) {
    out.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/** The files of a folder that hold records from `fromMs` to `toMs`, in time order (month, then part). */
export function partsToRead(names: readonly string[], fromMs: number, toMs: number): PartRef[] {
  const months = new Set(monthsBetween(fromMs, toMs));
  return names
    .flatMap((n) => {
      const p = parsePartName(n);
      return p && months.has(p.month) ? [p] : [];
    })
    .sort((a, b) => a.month.localeCompare(b.month) || a.part - b.part);
}

/** The part a record of `month` goes to first: the month's last existing part, or its first. */
export function currentPart(names: readonly string[], month: string): number {
  let part = 1;
  for (const n of names) {
    const p = parsePartName(n);
    if (p && p.month === month && p.part > part) part = p.part;
  }
  return part;
}

/** The file's text with the line appended, or undefined when it would pass `maxBytes` (a file with no record always takes one). */
export function appendLine(current: string | undefined, line: string, maxBytes = MAX_PART_BYTES): string | undefined {
  const text = current ?? '';
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  const next = `${text}${sep}${line}`;
  if (text.trim() !== '' && Buffer.byteLength(next) > maxBytes) return undefined;
  return next;
}
