import type { BaselineEntry, History } from './stats.js';

/** Where baseline history lives: the data branch through GitHub, or a local folder for the CLI. */
export interface BaselineStore {
  /** Says where, for messages: "branch launchguard-data of acme/api". */
  readonly where: string;
  read(environment: string): Promise<History | undefined>;
  /** Appends one entry, keeping at most `maxEntries`; safe against concurrent writers. */
  append(environment: string, entry: BaselineEntry, maxEntries: number): Promise<History>;
}

export function historyFileName(environment: string): string {
  return `${environment.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`;
}
