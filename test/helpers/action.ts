import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST = resolve('dist/index.js');

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly workspace: string;
  /** True when the process had to be killed: it did not end by itself. */
  readonly hung: boolean;
}

/** Parses the runner's GITHUB_OUTPUT file format (name<<delimiter ... delimiter). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/**
 * Runs the built dist/index.js as the runner does: inputs as INPUT_* variables, outputs and the
 * summary in files. Waits at most `timeoutMs` for the process to end by itself.
 */
export async function runAction(
  inputs: Record<string, string>,
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; workspace?: string; files?: Record<string, string>; dist?: string; onSpawn?: (pid: number) => void } = {},
): Promise<ActionRun> {
  const workspace = opts.workspace ?? mkdtempSync(join(tmpdir(), 'lg-ws-'));
  for (const [name, text] of Object.entries(opts.files ?? {})) writeFileSync(join(workspace, name), text);
  const outputFile = join(workspace, '.github-output');
  const summaryFile = join(workspace, '.step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: workspace,
    ...opts.env,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [opts.dist ?? DIST], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) opts.onSpawn?.(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs ?? 30_000);
  const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
  clearTimeout(timer);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    workspace,
    hung,
  };
}
