import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad, type LoadTarget } from '../../src/checks/load/run.js';
import type { LoadConfig } from '../../src/checks/load/schema.js';
import { configSchema } from '../../src/config/schema.js';
import { systemClock } from '../../src/ports.js';
import { makeTestCa } from '../helpers/certs.js';
import { headerRecorder, httpServer, httpsServer, type Running } from '../helpers/servers.js';

// The open model's own transport (raw sockets, http-parser-js) against what servers really do.
// Counts only, no timed assertions: 20/s for 1 s is 20 requests.
const loadOf = (raw: Record<string, unknown>): LoadConfig =>
  configSchema.parse({ environments: { t: { load: { 'arrival-rate': '20/s', duration: '1s', timeout: '5s', 'max-in-flight': 4, ...raw } } } }).environments.t!.load!;
const run = (target: string | LoadTarget, raw: Record<string, unknown> = {}) =>
  runLoad(loadOf(raw), typeof target === 'string' ? { baseUrl: target } : target, systemClock, () => new Date());

let server: Running | undefined;
let raw: NetServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await new Promise<void>((r) => (raw ? raw.close(() => r()) : r()));
  raw = undefined;
});

/** A TCP server that answers every chunk it reads with `reply`, then (if `close`) closes; it counts its connections. */
async function rawServer(reply: string, close: boolean): Promise<{ url: string; connections: () => number; open: () => number }> {
  let connections = 0;
  const live = new Set<Socket>();
  raw = createNetServer((c) => {
    connections++;
    live.add(c);
    c.on('close', () => live.delete(c));
    c.on('data', () => (close ? c.end(reply) : c.write(reply)));
  });
  await new Promise<void>((r) => raw!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(raw.address() as AddressInfo).port}/x`, connections: () => connections, open: () => live.size };
}

/** Waits (bounded: 100 × 20 ms) until `done()`; returns whether it got there. */
async function until(done: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
  return done();
}

describe('open model transport', () => {
  it('keep-alive: connections are reused, never more than max-in-flight, and all closed when the run ends', async () => {
    const s = await rawServer('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok', false);
    const r = await run(s.url);
    expect(r.overall.responses).toBe(20);
    expect(r.overall.statusCodes).toEqual({ 200: 20 });
    expect(s.connections()).toBeLessThanOrEqual(4);
    // The run destroyed every socket it opened: nothing keeps the process alive.
    expect(await until(() => s.open() === 0)).toBe(true);
  });

  it('a server that closes the connection after each response without saying so', async () => {
    const s = await rawServer('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok', true);
    const r = await run(s.url);
    expect(r.overall.responses).toBe(20);
    expect(r.overall.socketErrors + r.overall.timeouts).toBe(0);
    expect(s.connections()).toBe(20);
  });

  it('connection: close from a Node server: a new connection for every request, no errors', async () => {
    const ports = new Set<number | undefined>();
    server = await httpServer((q, res) => {
      ports.add(q.socket.remotePort);
      res.setHeader('connection', 'close');
      res.end('{"status":"ok"}');
    });
    const r = await run(server.url, { requests: [{ name: 'x', 'expect-body-contains': 'ok' }] });
    expect(r.overall.responses).toBe(20);
    expect(r.overall.mismatches + r.overall.socketErrors + r.overall.timeouts).toBe(0);
    expect(ports.size).toBe(20);
  });

  it('a response that says connection: close is the connection\'s last, even when the server leaves it open', async () => {
    let connections = 0;
    raw = createNetServer((c) => {
      connections++;
      // One answer per connection; the socket stays open, so a client that reused it would wait forever.
      c.once('data', () => c.write('HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 2\r\n\r\nok'));
    });
    await new Promise<void>((r) => raw!.listen(0, '127.0.0.1', r));
    const r = await run(`http://127.0.0.1:${(raw.address() as AddressInfo).port}/`, { timeout: '1s' });
    expect(r.overall.responses).toBe(20);
    expect(r.overall.timeouts).toBe(0);
    expect(connections).toBe(20);
  });

  it('a body that runs until the server closes (no length, not chunked) is a complete response', async () => {
    const s = await rawServer('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nhello until close', true);
    const r = await run(s.url, { requests: [{ name: 'x', 'expect-body-contains': 'until close' }] });
    expect(r.overall.responses).toBe(20);
    expect(r.overall.mismatches + r.overall.socketErrors + r.overall.timeouts).toBe(0);
  });

  it('a chunked body: expect-body-contains matches text split over chunks', async () => {
    server = await httpServer((_q, res) => {
      res.write('{"status":"he');
      setImmediate(() => res.end('althy"}'));
    });
    const r = await run(server.url, { requests: [{ name: 'x', 'expect-body-contains': 'healthy' }] });
    expect(r.overall.responses).toBe(20);
    expect(r.overall.mismatches).toBe(0);
    expect(r.overall.latencyMs.count).toBe(20);
  });

  it('a chunk-size line that never ends is cut off at four body caps, as a body error, not buffered until the timeout', async () => {
    raw = createNetServer((c) => {
      c.on('error', () => undefined);
      c.once('data', () => {
        c.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n');
        c.write(Buffer.alloc(5 * 1024 * 1024, 'f'));
      });
    });
    await new Promise<void>((r) => raw!.listen(0, '127.0.0.1', r));
    const r = await run(`http://127.0.0.1:${(raw.address() as AddressInfo).port}/`, { 'arrival-rate': '2/s', timeout: '30s' });
    expect(r.overall.responses).toBe(0);
    expect(r.overall.socketErrors).toBe(2);
    expect(r.overall.firstError?.class).toBe('body');
  });

  it('a reply that is not HTTP fails its request at once, as class reset, not at the timeout', async () => {
    const s = await rawServer('SSH-2.0-OpenSSH_9.6\r\n\r\n', false);
    const r = await run(s.url, { timeout: '30s' });
    expect(r.overall.responses).toBe(0);
    expect(r.overall.socketErrors).toBe(20);
    expect(r.overall.timeouts).toBe(0);
    expect(r.overall.firstError?.class).toBe('reset');
  });

  it('a 1xx before the response is skipped: the 200 after it is the answer', async () => {
    const s = await rawServer('HTTP/1.1 103 Early Hints\r\nlink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok', false);
    const r = await run(s.url);
    expect(r.overall.statusCodes).toEqual({ 200: 20 });
    expect(r.overall.socketErrors + r.overall.timeouts).toBe(0);
  });

  it('HEAD: the response has no body, whatever its content-length says', async () => {
    server = await httpServer((q, res) => {
      res.writeHead(q.method === 'HEAD' ? 200 : 405, { 'content-length': '1000' });
      res.end();
    });
    const r = await run(server.url, { requests: [{ name: 'h', method: 'HEAD' }] });
    expect(r.overall.statusCodes).toEqual({ 200: 20 });
    expect(r.overall.timeouts + r.overall.socketErrors).toBe(0);
  });

  it('sends the configured method, headers and body, with the host and the body\'s content-length', async () => {
    const rec = await headerRecorder();
    server = rec;
    const r = await run(server.url, { 'max-in-flight': 1, requests: [{ name: 'p', method: 'POST', path: '/items?a=1', headers: { 'x-trace': 'lg' }, body: { n: 1 } }] });
    expect(r.overall.responses).toBe(20);
    expect(rec.seen).toHaveLength(20);
    expect(rec.seen[0]).toMatchObject({ ':path': '/items?a=1', host: `127.0.0.1:${server.port}`, 'x-trace': 'lg', 'content-type': 'application/json', 'content-length': '7' });
  });

  describe('TLS with a certificate made in the test', () => {
    const ca = makeTestCa();
    const leaf = ca.leaf('open-tls', { days: 60 });
    const ok = (_q: unknown, res: { end(s: string): void }) => res.end('{"status":"ok"}');

    it('trusted through tls.ca: every request answered', async () => {
      server = await httpsServer(leaf, ok);
      const r = await run({ baseUrl: server.url, tls: { caFile: ca.caFile, rejectUnauthorized: true } });
      expect(r.overall.responses).toBe(20);
      expect(r.overall.socketErrors).toBe(0);
    });

    it('not trusted: every request fails with class tls', async () => {
      server = await httpsServer(leaf, ok);
      const r = await run(server.url);
      expect(r.overall.responses).toBe(0);
      expect(r.overall.socketErrors).toBe(20);
      expect(r.overall.firstError?.class).toBe('tls');
    });

    it('reject-unauthorized: false is honoured', async () => {
      server = await httpsServer(leaf, ok);
      const r = await run({ baseUrl: server.url, tls: { rejectUnauthorized: false } });
      expect(r.overall.responses).toBe(20);
    });
  });
});
