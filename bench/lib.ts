import { spawn, type ChildProcess } from 'node:child_process';

/** Starts a Node HTTP target in its own process (so it does not share our event loop); resolves its URL. */
export async function startTargetProcess(script: string): Promise<{ url: string; child: ChildProcess; stop(): void }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d) => resolve(String(d).trim()));
    child.once('exit', (c) => reject(new Error(`target exited with ${c}`)));
  });
  return { url, child, stop: () => child.kill('SIGTERM') };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const fmt = (v: number, d = 1) => v.toFixed(d);
