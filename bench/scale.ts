/**
 * bench/scale: load throughput with 1 and with 2 worker processes against the same local target
 * (a Node server in its own process), in one run; and the time to merge 16 shard results.
 * On a 2-core machine the target and the generator share the cores: the split is reported.
 * Run: npm run bench:scale
 */
import { availableParallelism } from 'node:os';
import { createHttpClient } from '../src/http/client.js';
import { runLoad } from '../src/checks/load/run.js';
import { configSchema } from '../src/config/schema.js';
import { createHistogram, encodeHistogram, recordMs } from '../src/scale/histogram.js';
import { mergeShards, type ShardResult } from '../src/scale/shards.js';
import { systemClock } from '../src/ports.js';
import { fmt, median, startTargetProcess } from './lib.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 4);
const target = await startTargetProcess(`
  import { createServer } from 'node:http';
  const s = createServer((q, r) => r.end('{"status":"ok"}'));
  s.keepAliveTimeout = 5000;
  s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port));
`);

async function rps(workers: number): Promise<number> {
  const load = configSchema.parse({ environments: { b: { load: { connections: 20, duration: `${SECONDS}s`, workers } } } }).environments.b!.load!;
  const http = createHttpClient(systemClock);
  try {
    const r = await runLoad(load, { baseUrl: target.url }, systemClock, () => new Date(), http);
    return r.overall.responses / (r.overall.elapsedMs / 1000);
  } finally {
    await http.close();
  }
}

const one: number[] = [];
const two: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  if (i % 2 === 0) {
    one.push(await rps(1));
    two.push(await rps(2));
  } else {
    two.push(await rps(2));
    one.push(await rps(1));
  }
}
target.stop();
console.log(`workers: ${availableParallelism()} CPUs shared by the target (1 Node process, one core at most) and the generator; 20 connections, ${SECONDS} s, ${ROUNDS} rounds, medians`);
console.log(`  1 worker  ${fmt(median(one), 0)} req/s (in process)`);
console.log(`  2 workers ${fmt(median(two), 0)} req/s (two forked processes) → ratio ${fmt(median(two) / median(one), 2)}x`);

// Merge time: 16 shards of 20,000 recorded latencies each.
const shards: { result: ShardResult; source: string }[] = [];
for (let s = 1; s <= 16; s++) {
  const h = createHistogram();
  for (let i = 0; i < 20_000; i++) recordMs(h, 0.2 + ((i * 7919 + s * 13) % 5000) / 50);
  shards.push({
    source: `shard ${s}`,
    result: {
      schema: 'launchguard.shard/v1', shard: { index: s, count: 16 }, environment: 'production', configHash: 'x',
      requests: [{ name: 'r', method: 'GET', url: 'http://127.0.0.1/', connections: 1, startedAt: new Date(Date.UTC(2026, 10, 28, 12, 0, s)).toISOString(), elapsedMs: 10_000, requests: 20_000, responses: 20_000, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: 20_000 }, histogram: encodeHistogram(h) }],
    },
  });
}
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  mergeShards(shards);
  times.push(performance.now() - t0);
}
const size = JSON.stringify(shards[0]!.result).length;
console.log(`merge: 16 shards (320,000 responses) in ${fmt(median(times), 2)} ms (median of 20); one shard result is ${size} bytes as a job output`);
