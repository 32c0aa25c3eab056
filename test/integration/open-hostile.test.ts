import { createServer as createNetServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../src/checks/load/run.js';
import type { LoadConfig } from '../../src/checks/load/schema.js';
import { configSchema } from '../../src/config/schema.js';
import { createHttpClient } from '../../src/http/client.js';
import { systemClock } from '../../src/ports.js';
import { hangServer, hugeBodyServer, refusedPort, trickleServer, type Running } from '../helpers/servers.js';

// Hostile targets against the open model (issue 18 review). Counts only, no timed assertions.
const loadOf = (raw: Record<string, unknown>): LoadConfig => configSchema.parse({ environments: { t: { load: raw } } }).environments.t!.load!;
const run = (url: string, cfg: LoadConfig, http = false) => runLoad(cfg, { baseUrl: url }, systemClock, () => new Date(), http ? createHttpClient(systemClock) : undefined);

let server: Running | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

describe('open model vs hostile targets', () => {
  it('a target that hangs every request: every scheduled request is counted once (timeout or dropped)', async () => {
    server = await hangServer();
    const r = await run(server.url, loadOf({ 'arrival-rate': '50/s', duration: '2s', 'max-in-flight': 20, timeout: '1s' }));
    const o = r.overall;
    console.log(JSON.stringify({ requests: o.requests, timeouts: o.timeouts, dropped: o.dropped, socket: o.socketErrors, elapsed: o.elapsedMs, err: o.errorRate, fe: o.firstError }));
    expect(o.requests).toBe(100);
    expect(o.timeouts + (o.dropped ?? 0) + o.socketErrors).toBe(100);
    expect(o.errorRate).toBe(1);
  });

  it('an endless trickle body: counted, run ends', async () => {
    server = await trickleServer(100, 1_000_000);
    const r = await run(server.url, loadOf({ 'arrival-rate': '20/s', duration: '1s', timeout: '1s' }));
    const o = r.overall;
    console.log('trickle', JSON.stringify({ requests: o.requests, timeouts: o.timeouts, dropped: o.dropped, socket: o.socketErrors, resp: o.responses, elapsed: o.elapsedMs, fe: o.firstError }));
    expect(o.requests).toBe(20);
    expect(o.responses).toBe(0);
  });

  it('a 10 MB body: capped and counted as a body error', async () => {
    server = await hugeBodyServer(10);
    const r = await run(server.url, loadOf({ 'arrival-rate': '10/s', duration: '1s', timeout: '5s' }));
    const o = r.overall;
    console.log('huge', JSON.stringify({ requests: o.requests, timeouts: o.timeouts, socket: o.socketErrors, resp: o.responses, fe: o.firstError }));
    expect(o.requests).toBe(10);
    expect(o.firstError?.class).toBe('body');
  });

  it('a target that resets every connection', async () => {
    const s = createNetServer((c: Socket) => c.on('data', () => c.resetAndDestroy()));
    await new Promise<void>((res) => s.listen(0, '127.0.0.1', res));
    const url = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
    const r = await run(url, loadOf({ 'arrival-rate': '50/s', duration: '1s', timeout: '1s' }));
    s.close();
    const o = r.overall;
    console.log('reset', JSON.stringify({ requests: o.requests, socket: o.socketErrors, timeouts: o.timeouts, resp: o.responses, fe: o.firstError }));
    expect(o.requests).toBe(50);
    expect(o.socketErrors).toBe(50);
  });

  it('a refused target with preflight: reported at once', async () => {
    const url = await refusedPort();
    const r = await run(url, loadOf({ 'arrival-rate': '100/s', duration: '2s', timeout: '1s' }), true);
    console.log('refused', JSON.stringify({ requests: r.overall.requests, fe: r.overall.firstError, model: r.overall.model, maxInFlight: r.maxInFlight }));
    expect(r.overall.requests).toBeLessThanOrEqual(2);
  });
});
