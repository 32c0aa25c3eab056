import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_PART_BYTES, appendLine, currentPart, environmentFolder, monthOf, partName, partsToRead } from './files.js';
import { inOrder } from './github-store.js';
import { parseRecords, recordLine, recordTime, type RunRecord } from './record.js';
import type { BadLine, RecordsRead, RunStore } from './store.js';

/** The CLI's run records: `<directory>/<environment>/<YYYY-MM>[.<part>].jsonl`, beside the baseline's `<environment>.json`. */
export class LocalRunStore implements RunStore {
  constructor(
    private readonly dir: string,
    /** The size a part may reach (tests make it small). */
    private readonly maxBytes = MAX_PART_BYTES,
  ) {}

  get where(): string {
    return `folder ${this.dir}`;
  }

  private async names(folder: string): Promise<string[]> {
    try {
      return await readdir(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  async read(environment: string, fromMs: number, toMs: number): Promise<RecordsRead> {
    const folder = environmentFolder(this.dir, environment);
    const parts = partsToRead(await this.names(folder), fromMs, toMs);
    const records: RunRecord[] = [];
    const unknown = new Set<string>();
    let skipped = 0;
    const bad: BadLine[] = [];
    for (const p of parts) {
      const parsed = parseRecords(await readFile(join(folder, p.name), 'utf8'));
      records.push(...parsed.records);
      skipped += parsed.skipped;
      for (const line of parsed.badLines) bad.push({ file: join(folder, p.name), line });
      for (const s of parsed.unknownSchemas) unknown.add(s);
    }
    return { records: inOrder(records), files: parts.map((p) => join(folder, p.name)), skipped, bad, unknownSchemas: [...unknown] };
  }

  async append(environment: string, record: RunRecord): Promise<string> {
    const folder = environmentFolder(this.dir, environment);
    await mkdir(folder, { recursive: true });
    const month = monthOf(recordTime(record));
    const line = recordLine(record);
    for (let part = currentPart(await this.names(folder), month), n = 0; n < 3; n++, part++) {
      const file = join(folder, partName(month, part));
      let text: string | undefined;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      const next = appendLine(text, line, this.maxBytes);
      if (next === undefined) continue;
      // Only the new bytes, opened for appending (O_APPEND): a run appending at the same time keeps its line too.
      await appendFile(file, next.slice((text ?? '').length));
      return file;
    }
    throw new Error(`could not append to the run history of ${environment} in ${this.where}: three parts of ${month} were full`);
  }
}
