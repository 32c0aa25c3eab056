/**
 * bench/probes: (1) 200 concurrent probes against a target answering in 50 ms, as a ratio to one
 * probe; (2) cold start of `node dist/index.js` to its first request, against `node -e 0`.
 * Both are measured in this run, on this machine, so the ratios hold on a noisy one.
 * Run: npm run bench:probes
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '../src/http/client.js';
import { runHealth } from '../src/checks/health/run.js';
import { configSchema } from '../src/config/schema.js';
import { systemClock } from '../src/ports.js';
import { fmt, median, startTargetProcess } from './lib.js';

const ROUNDS = 7;
const target = await startTargetProcess(`
  import { createServer } from 'node:http';
  const s = createServer((q, r) => setTimeout(() => r.end('{"status":"ok"}'), 50));
  s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port));
`);

async function wall(n: number): Promise<number> {
  const env = configSchema.parse({
    environments: { b: { health: Array.from({ length: n }, (_, i) => ({ name: `p${i}`, path: `/p${i}`, retries: 0 })) } },
  }).environments.b!;
  const http = createHttpClient(systemClock);
  const t0 = performance.now();
  const results = await runHealth(env, target.url, http);
  const ms = performance.now() - t0;
  await http.close();
  const failed = results.filter((r) => r.failure);
  if (failed.length) throw new Error(`${failed.length} probes failed: ${failed[0]!.failure!.message}`);
  return ms;
}

await wall(1); // warm the JIT
const one: number[] = [];
const many: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  one.push(await wall(1));
  many.push(await wall(200));
}
target.stop();
const m1 = median(one);
const m200 = median(many);
console.log(`probes: 1 probe ${fmt(m1)} ms, 200 probes ${fmt(m200)} ms (medians of ${ROUNDS}); ratio ${fmt(m200 / m1, 2)}x (goal < 2x)`);

// Cold start: process spawn → first request at a local server.
const server = createServer((_q, r) => r.end('ok'));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let arrived: (() => void) | undefined;
server.on('request', () => arrived?.());

async function coldStart(): Promise<number> {
  const t0 = performance.now();
  const first = new Promise<number>((resolve) => (arrived = () => resolve(performance.now() - t0)));
  const child = spawn(process.execPath, ['dist/index.js'], {
    env: { PATH: process.env.PATH, 'INPUT_TARGET-URL': url, GITHUB_WORKSPACE: '/tmp' },
    stdio: 'ignore',
  });
  const ms = await first;
  await new Promise((r) => child.once('exit', r));
  return ms;
}
async function nodeNoop(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((r) => child.once('exit', r));
  return performance.now() - t0;
}
const cold: number[] = [];
const noop: number[] = [];
for (let i = 0; i < 10; i++) {
  noop.push(await nodeNoop());
  cold.push(await coldStart());
}
server.close();
const mc = median(cold);
const mn = median(noop);
console.log(`cold start: dist/index.js to first request ${fmt(mc)} ms, node -e 0 ${fmt(mn)} ms (medians of 10); ratio ${fmt(mc / mn, 2)}x`);
