import { UserError } from '../config/errors.js';
import type { ShardResult } from './shards.js';

/**
 * The merge run's input: JSON (an array of shard results, or an object such as the shard jobs'
 * outputs whose values are shard results), or report files by path or glob.
 */
export async function readShards(input: string, env: NodeJS.ProcessEnv): Promise<{ result: ShardResult; source: string }[]> {
  const { parseShardResult } = await import('./shards.js');
  const text = input.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new UserError('input shards: starts like JSON but is not valid JSON');
    }
    const entries: [string, unknown][] = Array.isArray(raw) ? raw.map((v, i) => [`shards[${i}]`, v]) : Object.entries(raw as Record<string, unknown>);
    return entries.filter(([, v]) => v !== '' && v !== null).map(([k, v]) => ({ result: parseShardResult(v, `output ${k}`), source: `output ${k}` }));
  }
  const { readFile } = await import('node:fs/promises');
  const { globSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const root = env.GITHUB_WORKSPACE ?? process.cwd();
  const files = text.split(/[\n,]+/).map((p) => p.trim()).filter(Boolean).flatMap((p) => (/[*?[]/.test(p) ? globSync(p, { cwd: root }).sort() : [p]));
  if (files.length === 0) throw new UserError(`input shards: no file matches ${JSON.stringify(text)}`);
  return Promise.all(
    files.map(async (f) => {
      let body: string;
      try {
        body = await readFile(resolve(root, f), 'utf8');
      } catch (err) {
        throw new UserError(`input shards: cannot read ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      return { result: parseShardResult(body, f), source: f };
    }),
  );
}
