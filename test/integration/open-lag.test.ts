import { afterEach, describe, expect, it } from 'vitest';
import { openVerdicts } from '../../src/checks/load/evaluate.js';
import { runLoad } from '../../src/checks/load/run.js';
import type { LoadConfig } from '../../src/checks/load/schema.js';
import { configSchema } from '../../src/config/schema.js';
import { systemClock } from '../../src/ports.js';
import { httpServer, type Running } from '../helpers/servers.js';

const loadOf = (raw: Record<string, unknown>): LoadConfig => configSchema.parse({ environments: { t: { load: raw } } }).environments.t!.load!;
let server: Running | undefined;
const arrivals: number[] = [];
afterEach(async () => { await server?.close(); server = undefined; });

describe('open model: the generator\'s own lag', () => {
  it('when the generator itself stalls (event loop blocked 1 s), its send lag is measured and the summary says so', async () => {
    server = await httpServer((_q, s) => { arrivals.push(performance.now()); s.end('ok'); });
    setTimeout(() => { const end = performance.now() + 1000; while (performance.now() < end); }, 300);
    const r = await runLoad(loadOf({ 'arrival-rate': '100/s', duration: '2s' }), { baseUrl: server.url }, systemClock, () => new Date());
    const a = openVerdicts(r).find((v) => v.kind === 'arrival')!;
    // the server saw nothing for ~1 s (a gap of ≥ 900 ms between arrivals), yet the arrival row says 100/s of 100/s
    const maxGap = Math.max(...arrivals.slice(1).map((t, i) => t - arrivals[i]!));
    console.log(JSON.stringify({ achieved: a.kind === 'arrival' && a.achievedRate, dropped: r.overall.dropped, maxGap, p99: r.overall.latencyMs.p99 }));
    expect(maxGap).toBeGreaterThan(900);
    // There should be a sign that the generator, not the target, was late (a send-lag figure or note).
    expect(JSON.stringify(r)).toMatch(/sendLag|generator/i);
    expect(r.overall.sendLagMs!.max).toBeGreaterThan(500);
    expect(a.kind === 'arrival' && a.lateSends!.max).toBeGreaterThan(500);
  });
});
