import { appendEntry, parseHistory, type BaselineEntry, type History } from './stats.js';
import { historyFileName, type BaselineStore } from './store.js';
import type { BranchFiles, FileSnapshot } from '../github/branch-file.js';

/** The contents API serves files up to 1 MB: the history is kept well below that. */
export const MAX_HISTORY_BYTES = 900 * 1024;

/** Drops the oldest entries until the file fits MAX_HISTORY_BYTES, whatever history.max-entries says. Pure. */
export function withinSize(h: History, maxBytes = MAX_HISTORY_BYTES): History {
  const size = (x: History) => Buffer.byteLength(`${JSON.stringify(x, null, 2)}\n`);
  if (size(h) <= maxBytes) return h;
  // Entries are alike in size: estimate, then trim one at a time (bounded by the entry count).
  const perEntry = size(h) / Math.max(1, h.entries.length);
  let keep = Math.max(1, Math.floor(maxBytes / perEntry));
  let out: History = { ...h, entries: h.entries.slice(-keep) };
  while (keep > 1 && size(out) > maxBytes) out = { ...h, entries: h.entries.slice(-(--keep)) };
  return out;
}

/** History on the data branch (default `launchguard-data`): `launchguard/<environment>.json`. */
export class GitHubBaselineStore implements BaselineStore {
  /** What the last read saw, per environment: the first write attempt reuses it. */
  private readonly seen = new Map<string, FileSnapshot>();

  constructor(private readonly files: BranchFiles) {}

  get where(): string {
    return this.files.where;
  }

  private path(environment: string): string {
    return `launchguard/${historyFileName(environment)}`;
  }

  async read(environment: string): Promise<History | undefined> {
    const snap = await this.files.read(this.path(environment));
    this.seen.set(environment, snap);
    return snap.text === undefined ? undefined : parseHistory(snap.text, `${this.path(environment)} on ${this.where}`);
  }

  async append(environment: string, entry: BaselineEntry, maxEntries: number): Promise<History> {
    const path = this.path(environment);
    let next: History | undefined;
    await this.files.update(
      path,
      (text) => {
        const current = text === undefined ? undefined : parseHistory(text, `${path} on ${this.where}`);
        next = withinSize(appendEntry(current, environment, entry, maxEntries));
        return `${JSON.stringify(next, null, 2)}\n`;
      },
      `launchguard: record ${environment} run ${entry.at}`,
      this.seen.get(environment),
    );
    this.seen.delete(environment);
    return next!;
  }
}
