import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../config/errors.js';
import { DAY } from '../config/fields.js';
import type { Config } from '../config/schema.js';
import type { RunStore } from '../history/store.js';
import type { Redactor } from '../report/redact.js';
import { renderPageHtml, renderPageJson } from './html.js';
import { buildPageModel, PAGE_DAYS, type EnvironmentInput, type IncidentInput, type PageModel } from './model.js';

/**
 * The shell around the page: read each environment's records of the last 90 days (a day more, so
 * the first day's first run has its predecessor), build the model, write `index.html` and
 * `status.json` into one folder. Both pass the run's Redactor on their way out.
 */
export interface PageInput {
  readonly config: Config;
  /** Environments to show; every environment of the config that records its history when absent. */
  readonly environments?: readonly string[];
  readonly storeOf: (environment: string) => RunStore;
  /** Open and recent incident issues; undefined when they were not read. */
  readonly incidents?: readonly IncidentInput[];
  readonly now: number;
  readonly outDir: string;
  readonly title?: string;
  readonly redactor: Redactor;
}

export interface PageOutput {
  readonly dir: string;
  readonly html: string;
  readonly json: string;
  readonly model: PageModel;
  readonly bytes: number;
  readonly notes: readonly string[];
}

export async function generatePage(input: PageInput): Promise<PageOutput> {
  const names = input.environments ?? Object.keys(input.config.environments).filter((n) => input.config.environments[n]!.history.record);
  const notes: string[] = [];
  const envs: EnvironmentInput[] = [];
  for (const name of names) {
    const cfg = Object.hasOwn(input.config.environments, name) ? input.config.environments[name] : undefined;
    if (!cfg) throw new UserError(`page: --environment ${JSON.stringify(name)} is not an environment of the config (${Object.keys(input.config.environments).join(', ')})`);
    const store = input.storeOf(name);
    const read = await store.read(name, input.now - (PAGE_DAYS + 1) * DAY, input.now);
    if (read.skipped) notes.push(`${name}: ${read.skipped} unreadable record${read.skipped === 1 ? '' : 's'} skipped in ${store.where}`);
    envs.push({ name, records: read.records, ...(cfg.slo ? { slo: cfg.slo } : {}) });
  }
  // Redacted before escaping: an escaped secret (`&amp;`) would no longer match the Redactor.
  const model = input.redactor.value(buildPageModel(envs, input.incidents ?? [], input.now));
  const html = input.redactor.text(renderPageHtml(model, { incidentsKnown: input.incidents !== undefined, ...(input.title ? { title: input.title } : {}) }));
  const json = input.redactor.text(renderPageJson(model));
  await mkdir(input.outDir, { recursive: true });
  const htmlPath = join(input.outDir, 'index.html');
  const jsonPath = join(input.outDir, 'status.json');
  await writeFile(htmlPath, html);
  await writeFile(jsonPath, json);
  return { dir: input.outDir, html: htmlPath, json: jsonPath, model, bytes: Buffer.byteLength(html), notes };
}
