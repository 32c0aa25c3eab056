import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendEntry, parseHistory, type BaselineEntry, type History } from './stats.js';
import { historyFileName, type BaselineStore } from './store.js';

/** The CLI's history: one JSON file per environment in a folder. */
export class LocalBaselineStore implements BaselineStore {
  constructor(private readonly dir: string) {}

  get where(): string {
    return `folder ${this.dir}`;
  }

  async read(environment: string): Promise<History | undefined> {
    const file = join(this.dir, historyFileName(environment));
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return parseHistory(text, file);
  }

  async append(environment: string, entry: BaselineEntry, maxEntries: number): Promise<History> {
    const next = appendEntry(await this.read(environment), environment, entry, maxEntries);
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, historyFileName(environment));
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`);
    await rename(tmp, file);
    return next;
  }
}
