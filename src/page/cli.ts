import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../config/errors.js';
import { loadConfigFile } from '../config/load.js';
import { LocalRunStore } from '../history/local-store.js';
import { DEFAULT_CONFIG_PATH } from '../options.js';
import type { Redactor } from '../report/redact.js';
import { generatePage } from './generate.js';

export const PAGE_USAGE = `  launchguard page  [--config FILE] [--environment NAME] [--out DIR] [--title TEXT]
                    the static status page of the run history (index.html + status.json in DIR)`;

/**
 * `launchguard page`: the status page from the CLI's history folder (each environment's
 * `history.directory`, relative to the working directory). The CLI reads no GitHub issues, so the
 * page has no incidents section. Prints the folder written.
 */
export async function pageCommand(args: readonly string[], redactor: Redactor, usage: string): Promise<number> {
  let v;
  try {
    v = parseArgs({ args: [...args], strict: true, allowPositionals: false, options: { config: { type: 'string', default: DEFAULT_CONFIG_PATH }, environment: { type: 'string' }, out: { type: 'string', default: 'launchguard-page' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } }).values;
  } catch (err) {
    throw new UserError(`${(err as Error).message}\n\n${usage}`);
  }
  if (v.help) {
    console.log(usage);
    return 0;
  }
  const loaded = await loadConfigFile(resolve(v.config), process.env);
  if (!loaded) throw new UserError(`page: the config file ${v.config} does not exist (--config names it)`);
  for (const s of loaded.secrets) redactor.add(s);
  const out = await generatePage({
    config: loaded.config,
    ...(v.environment ? { environments: [v.environment] } : {}),
    storeOf: (environment) => new LocalRunStore(resolve(loaded.config.environments[environment]!.history.directory)),
    now: Date.now(),
    outDir: resolve(v.out),
    ...(v.title ? { title: v.title } : {}),
    redactor,
  });
  for (const n of out.notes) console.log(redactor.text(`note: ${n}`));
  const envs = out.model.environments.map((e) => `${e.name} ${e.runs} run${e.runs === 1 ? '' : 's'}`).join(', ');
  console.log(redactor.text(`page: ${out.dir} (index.html ${Math.ceil(out.bytes / 1024)} kB, status.json; ${envs || 'no environment'})`));
  return 0;
}
