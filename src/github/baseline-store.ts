import { appendEntry, parseHistory, type BaselineEntry, type History } from '../core/baseline.js';
import { historyFileName, type BaselineStore } from '../baseline/store.js';
import type { BranchFiles, FileSnapshot } from './branch-file.js';

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
        next = appendEntry(current, environment, entry, maxEntries);
        return `${JSON.stringify(next, null, 2)}\n`;
      },
      `launchguard: record ${environment} run ${entry.at}`,
      this.seen.get(environment),
    );
    this.seen.delete(environment);
    return next!;
  }
}
