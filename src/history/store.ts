import type { RunRecord } from './record.js';

/** Where run records live: the data branch through GitHub, or a local folder for the CLI. */
export interface RunStore {
  /** Says where, for messages. */
  readonly where: string;
  /** The records of `environment` from the months of `fromMs` to `toMs`, oldest first. */
  read(environment: string, fromMs: number, toMs: number): Promise<RecordsRead>;
  /** Appends one record to its month's file (a further part when the file is full). Returns the file written. */
  append(environment: string, record: RunRecord): Promise<string>;
}

export interface RecordsRead {
  readonly records: readonly RunRecord[];
  /** The files read, for messages. */
  readonly files: readonly string[];
  readonly skipped: number;
  /** Where the skipped lines are (line numbers from 1). */
  readonly bad: readonly BadLine[];
  readonly unknownSchemas: readonly string[];
}

export interface BadLine {
  readonly file: string;
  readonly line: number;
}
