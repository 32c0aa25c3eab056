import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { httpServer, type Running } from '../helpers/servers.js';

// One load worker dies mid-run (killed by the test, as an OOM killer would): the others are
// stopped at once, the failure is named, and the other checks are still reported.

/** Live processes whose environment holds `mark`, with their command lines (Linux /proc). */
function marked(mark: string): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(mark)) continue;
      const state = readFileSync(`/proc/${name}/stat`, 'latin1').split(') ')[1]?.[0];
      if (state === 'Z') continue; // exited, not yet reaped
      out.push({ pid: Number(name), cmd: readFileSync(`/proc/${name}/cmdline`, 'latin1').split('\0').join(' ') });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(process.platform === 'linux')('a load worker that dies', () => {
  let target: Running;
  beforeAll(async () => {
    target = await httpServer((_q, res) => res.end('{}'));
  });
  afterAll(async () => {
    await target.close();
  });

  it('stops the other workers, names the failure, and still reports the health check', async () => {
    const mark = `LG_TEST_MARK=${process.pid}-${Date.now()}`;
    let killed: string | undefined;
    let watcher: Promise<void> = Promise.resolve();
    const cfg = `environments:
  production:
    health:
      - { name: api, path: /health }
    load:
      connections: 2
      workers: 2
      duration: 20s
`;
    const run = runAction(
      { config: 'lg.yml', 'target-url': target.url, checks: 'health,load', issues: 'false' },
      {
        files: { 'lg.yml': cfg },
        env: { [mark.split('=')[0]!]: mark.split('=')[1] },
        timeoutMs: 60_000,
        onSpawn: () => {
          // Wait (at most 15 s) until both workers run, then kill the first one.
          watcher = (async () => {
            for (let i = 0; i < 150 && !killed; i++) {
              const workers = marked(mark).filter((p) => p.cmd.includes('load-worker'));
              if (workers.length === 2) {
                await sleep(500);
                process.kill(workers[0]!.pid, 'SIGKILL');
                killed = workers[0]!.cmd;
              } else await sleep(100);
            }
          })();
        },
      },
    );
    const r = await run;
    await watcher;
    expect(killed, 'the test never saw two load workers').toBeDefined();
    expect(r.hung).toBe(false);
    // No worker outlives the run: the other one was stopped, not left to finish its 20 s.
    expect(marked(mark)).toEqual([]);
    const report = JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8'));
    const failed = report.findings.find((f: { rule: string }) => f.rule === 'check-failed');
    expect(failed?.detail).toMatch(/load worker \d of 2 exited \(SIGKILL\) before sending its result; the other workers were stopped/);
    expect(report.results.health[0]).toMatchObject({ name: 'api', status: 200 });
  });
});
