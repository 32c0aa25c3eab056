/**
 * bench/load: in one run, against the same local target (a Node server in its own process, and
 * nginx when Debian's nginx is installed), measure
 *   - requests per second of launchguard's load step, of the autocannon CLI and of wrk, as ratios;
 *   - launchguard's p95 against the truth the server logged over the same requests;
 *   - the load step's peak memory;
 *   - the open model (arrival-rate): its throughput at the closed model's maximum rate, and offered 1.25× that
 *     (what it achieves then is its maximum), as ratios of the closed model's maximum (goal: the larger ≥ 0.9);
 *     and against a target that stalls 1 s every 5 s, at 100/s for 10 s, its p99 beside what clients
 *     arriving on schedule would see (from the target's own stall log), with the closed model's for contrast.
 * wrk corrects its latency for coordinated omission, so it is used for throughput only.
 * Run: npm run bench:load   (ROUNDS=3 SECONDS=5 by default)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient } from '../src/http/client.js';
import { runLoad } from '../src/checks/load/run.js';
import { configSchema } from '../src/config/schema.js';
import { systemClock } from '../src/ports.js';
import { fmt, median, startTargetProcess } from './lib.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 5);
const CONNECTIONS = 10;

const node = await startTargetProcess(`
  import { createServer } from 'node:http';
  let truth = [];
  let i = 0;
  const s = createServer((q, r) => {
    if (q.url === '/__truth') {
      const t = truth.sort((a, b) => a - b);
      const p = (x) => t[Math.max(0, Math.ceil(x / 100 * t.length) - 1)];
      r.end(JSON.stringify({ count: t.length, p50: p(50), p95: p(95), p99: p(99) }));
      truth = [];
      return;
    }
    if (q.url === '/delay') {
      const start = process.hrtime.bigint();
      setTimeout(() => r.end('{"status":"ok"}', () => truth.push(Number(process.hrtime.bigint() - start) / 1e6)), 5 + ((i++ * 7919) % 46));
      return;
    }
    r.setHeader('content-type', 'application/json');
    r.end('{"status":"ok"}');
  });
  s.keepAliveTimeout = 5000;
  s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port));
`);

interface Target {
  name: string;
  url: string;
}
const targets: Target[] = [{ name: 'node', url: `${node.url}/health` }];

let nginxStop: (() => void) | undefined;
if (existsSync('/usr/sbin/nginx')) {
  const dir = mkdtempSync(join(tmpdir(), 'lg-nginx-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1; daemon on; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
     events { worker_connections 1024; }
     http { access_log off; server { listen 127.0.0.1:${port}; location / { default_type application/json; return 200 '{"status":"ok"}'; } } }`,
  );
  execFileSync('/usr/sbin/nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir]);
  targets.push({ name: 'nginx', url: `http://127.0.0.1:${port}/health` });
  nginxStop = () => execFileSync('/usr/sbin/nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-s', 'stop']);
}

const loadConfig = (extra: Record<string, unknown> = {}) =>
  configSchema.parse({ environments: { b: { load: { connections: CONNECTIONS, duration: `${SECONDS}s`, ...extra } } } }).environments.b!.load!;
const openConfig = (extra: Record<string, unknown>) =>
  configSchema.parse({ environments: { b: { load: { duration: `${SECONDS}s`, ...extra } } } }).environments.b!.load!;

async function launchguard(url: string, cfg = loadConfig()) {
  const http = createHttpClient(systemClock);
  let peak = process.memoryUsage().rss;
  const before = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const r = await runLoad(cfg, { baseUrl: url }, systemClock, () => new Date(), http);
    return { rps: r.overall.responses / (r.overall.elapsedMs / 1000), p95: r.overall.latencyMs.p95, p99: r.overall.latencyMs.p99, dropped: r.overall.dropped ?? 0, peakMb: peak / 2 ** 20, deltaMb: (peak - before) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
    await http.close();
  }
}

function autocannonCli(url: string): number {
  const out = execFileSync(process.execPath, ['node_modules/autocannon/autocannon.js', '-c', String(CONNECTIONS), '-d', String(SECONDS), '--json', url], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const j = JSON.parse(out) as { requests: { total: number }; duration: number };
  return j.requests.total / j.duration;
}

const hasWrk = spawnSync('wrk', ['--version']).error === undefined;
function wrk(url: string): number | undefined {
  if (!hasWrk) return undefined;
  const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${SECONDS}s`, url], { encoding: 'utf8' });
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
}

console.log(`bench/load: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds, medians; target and generator share this machine's ${(await import('node:os')).cpus().length} cores`);
for (const t of targets) {
  const lg: number[] = [];
  const ac: number[] = [];
  const wk: number[] = [];
  let peakMb = 0;
  let deltaMb = 0;
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate the order, so drift on a shared machine does not favour one tool.
    const order = i % 2 === 0 ? ['lg', 'ac', 'wrk'] : ['wrk', 'ac', 'lg'];
    for (const tool of order) {
      if (tool === 'lg') {
        const r = await launchguard(t.url);
        lg.push(r.rps);
        peakMb = Math.max(peakMb, r.peakMb);
        deltaMb = Math.max(deltaMb, r.deltaMb);
      } else if (tool === 'ac') ac.push(autocannonCli(t.url));
      else {
        const w = wrk(t.url);
        if (w !== undefined) wk.push(w);
      }
    }
  }
  const mlg = median(lg);
  const mac = median(ac);
  const line = [`${t.name}: launchguard ${fmt(mlg, 0)} req/s, autocannon CLI ${fmt(mac, 0)} req/s → ratio ${fmt(mlg / mac, 3)} (goal ≥ 0.95)`];
  if (wk.length) line.push(`wrk ${fmt(median(wk), 0)} req/s → launchguard/wrk ${fmt(mlg / median(wk), 3)}`);
  console.log(line.join('; '));
  if (t.name === 'node') console.log(`memory: load step peak RSS ${fmt(peakMb)} MB (+${fmt(deltaMb)} MB over the process before the run)`);
  // The open model at the closed model's maximum rate, on the same target: what it achieves.
  const open: number[] = [];
  const dropped: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = await launchguard(t.url, openConfig({ 'arrival-rate': `${Math.ceil(mlg)}/s`, 'max-in-flight': 100 }));
    open.push(r.rps);
    dropped.push(r.dropped);
  }
  console.log(`${t.name}: open model at ${Math.ceil(mlg)}/s (the closed model's maximum): ${fmt(median(open), 0)} req/s → open/closed ${fmt(median(open) / mlg, 3)}; dropped per run ${dropped.join(', ')}`);
  // Its maximum: offered more than it can start (1.25× the closed model's maximum), what it
  // achieves is the most it can do on this target. Exactly at the closed model's maximum the
  // target is saturated, and every lag of a shared machine pushes requests past max-in-flight.
  const over: number[] = [];
  const overDropped: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = await launchguard(t.url, openConfig({ 'arrival-rate': `${Math.ceil(mlg * 1.25)}/s`, 'max-in-flight': 100 }));
    over.push(r.rps);
    overDropped.push(r.dropped);
  }
  const best = Math.max(median(open), median(over));
  console.log(`${t.name}: open model offered ${Math.ceil(mlg * 1.25)}/s (1.25× that): ${fmt(median(over), 0)} req/s achieved → open/closed ${fmt(median(over) / mlg, 3)}; dropped per run ${overDropped.join(', ')}`);
  console.log(`${t.name}: the open model's maximum throughput / the closed model's: ${fmt(best / mlg, 3)} (goal ≥ 0.9)`);
}

// Accuracy: the same requests, measured by launchguard and logged by the server.
await fetch(`${node.url}/__truth`); // reset
const acc: { lg: number; truth: number }[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const r = await launchguard(`${node.url}/delay`);
  const truth = (await (await fetch(`${node.url}/__truth`)).json()) as { p95: number; count: number };
  acc.push({ lg: r.p95, truth: truth.p95 });
}
const errs = acc.map((a) => Math.abs(a.lg - a.truth) / a.truth);
console.log(`accuracy: p95 launchguard vs server-logged truth: ${acc.map((a) => `${fmt(a.lg, 2)}/${fmt(a.truth, 2)} ms`).join(', ')}; worst error ${fmt(Math.max(...errs) * 100, 2)} % (goal ≤ 2 %)`);

// Coordinated omission: a target that stalls 1 s every 5 s (from its first request), at 100/s for 10 s.
const stall = await startTargetProcess(`
  import { createServer } from 'node:http';
  let first; let arrivals = []; let stalls = [];
  const s = createServer((q, r) => {
    if (q.url === '/__log') { r.end(JSON.stringify({ arrivals, stalls })); first = undefined; arrivals = []; stalls = []; return; }
    const now = performance.now();
    arrivals.push(now);
    first ??= now;
    const since = now - first - 2000;
    if (since >= 0 && since % 5000 < 1000) {
      const start = first + 2000 + Math.floor(since / 5000) * 5000;
      if (!stalls.some((w) => w.start === start)) stalls.push({ start, end: start + 1000 });
      setTimeout(() => r.end('ok'), start + 1000 - now);
      return;
    }
    r.end('ok');
  });
  s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port));
`);
const nearestRank = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;
async function stalled(name: string, cfg: ReturnType<typeof loadConfig>) {
  // No preflight (no HttpClient): the target's first request is the load's first.
  const r = await runLoad(cfg, { baseUrl: `${stall.url}/x` }, systemClock, () => new Date());
  const log = (await (await fetch(`${stall.url}/__log`)).json()) as { arrivals: number[]; stalls: { start: number; end: number }[] };
  const origin = log.arrivals[0]!;
  const onSchedule = Array.from({ length: 1000 }, (_, k) => {
    const at = origin + k * 10;
    const w = log.stalls.find((s) => at >= s.start && at < s.end);
    return w ? w.end - at : 0;
  });
  const truth = nearestRank(onSchedule, 99);
  const p99 = r.overall.latencyMs.p99;
  console.log(`  ${name}: p99 ${fmt(p99, 1)} ms vs ${fmt(truth, 1)} ms on schedule (error ${fmt((Math.abs(p99 - truth) / truth) * 100, 1)} %; goal ≤ 10 % for the open model); the target saw ${log.arrivals.length} requests, ${r.overall.latencyMs.count} answered`);
}
console.log('coordinated omission: a target that stalls 1 s every 5 s, 100/s for 10 s; p99 against what clients arriving on schedule see (from its stall log):');
await stalled('open model (arrival-rate: 100/s)', openConfig({ 'arrival-rate': '100/s', duration: '10s' }));
await stalled('closed model (connections: 10, rate: 100)', loadConfig({ duration: '10s', rate: 100 }));
await stalled('closed model (connections: 10, no rate cap)', loadConfig({ duration: '10s' }));
stall.stop();

node.stop();
nginxStop?.();
