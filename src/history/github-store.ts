import type { BranchFiles } from '../github/branch-file.js';
import { MAX_PART_BYTES, appendLine, currentPart, environmentFolder, monthOf, partName, partsToRead } from './files.js';
import { parseRecords, recordLine, recordTime, type RunRecord } from './record.js';
import type { BadLine, RecordsRead, RunStore } from './store.js';

export const BRANCH_ROOT = 'launchguard/history';

/** A part that filled up between its read and the write: the record moves on to the next part. */
class PartFull extends Error {}

/**
 * Run records on the data branch: `launchguard/history/<environment>/<YYYY-MM>[.<part>].jsonl`.
 * Each append is one contents-API write with the blob sha (BranchFiles' optimistic concurrency).
 */
export class GitHubRunStore implements RunStore {
  constructor(
    private readonly files: BranchFiles,
    /** The size a part may reach (tests make it small). */
    private readonly maxBytes = MAX_PART_BYTES,
  ) {}

  get where(): string {
    return this.files.where;
  }

  async read(environment: string, fromMs: number, toMs: number): Promise<RecordsRead> {
    const folder = environmentFolder(BRANCH_ROOT, environment);
    const parts = partsToRead(await this.files.list(folder), fromMs, toMs);
    const records: RunRecord[] = [];
    const unknown = new Set<string>();
    const files: string[] = [];
    let skipped = 0;
    const bad: BadLine[] = [];
    // Newest first: parts are appended in time order, so once a part starts before the window the
    // older ones hold nothing in it (a 7-day window early in a month reads one part of the last, not all).
    for (const p of [...parts].reverse()) {
      const path = `${folder}/${p.name}`;
      const snap = await this.files.read(path);
      if (snap.text === undefined) continue;
      const parsed = parseRecords(snap.text);
      files.unshift(path);
      records.push(...parsed.records);
      skipped += parsed.skipped;
      for (const line of parsed.badLines) bad.push({ file: path, line });
      for (const s of parsed.unknownSchemas) unknown.add(s);
      if (parsed.records.some((r) => recordTime(r) < fromMs)) break;
    }
    return { records: inOrder(records), files, skipped, bad: bad.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line), unknownSchemas: [...unknown] };
  }

  async append(environment: string, record: RunRecord): Promise<string> {
    const folder = environmentFolder(BRANCH_ROOT, environment);
    const month = monthOf(recordTime(record));
    let part = currentPart(await this.files.list(folder), month);
    const line = recordLine(record);
    // Bounded: a part fills at most once per attempt, and a record is far smaller than a part.
    for (let attempt = 0; attempt < 3; attempt++, part++) {
      const path = `${folder}/${partName(month, part)}`;
      try {
        await this.files.update(path, (text) => {
          // A write that landed but was answered with an error is retried on the new file: once is enough.
          if (text !== undefined && hasLine(text, line)) return text;
          const next = appendLine(text, line, this.maxBytes);
          if (next === undefined) throw new PartFull(path);
          return next;
        }, `launchguard: record ${environment} run ${record.t}`);
        return path;
      } catch (err) {
        if (!(err instanceof PartFull)) throw err;
      }
    }
    throw new Error(`could not append to the run history of ${environment} on ${this.where}: three parts of ${month} were full`);
  }
}

/** Whether the file already holds this exact line (a record names its run's start to the millisecond). */
export function hasLine(text: string, line: string): boolean {
  return text.startsWith(line) || text.includes(`\n${line}`);
}

/** Oldest first; a stable sort keeps the files' order for equal times. */
export function inOrder(records: readonly RunRecord[]): RunRecord[] {
  return records.map((r, i) => [recordTime(r), i, r] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
}
