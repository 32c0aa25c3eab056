import { afterAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/http/client.js';
import { runProbe } from '../../src/checks/health/run.js';
import { configSchema, type EnvironmentConfig } from '../../src/config/schema.js';
import { systemClock } from '../../src/ports.js';
import * as S from '../helpers/servers.js';

function env(probe: Record<string, unknown>, extra: Record<string, unknown> = {}): EnvironmentConfig {
  return configSchema.parse({ environments: { t: { health: [{ name: 'p', retries: 0, timeout: '1s', ...probe }], ...extra } } }).environments.t!;
}

async function probeOnce(base: string, probe: Record<string, unknown> = {}, http?: HttpClient, extra = {}) {
  const e = env(probe, extra);
  const client = http ?? createHttpClient(systemClock);
  try {
    return await runProbe(e.health![0]!, e, base, client);
  } finally {
    if (!http) await client.close();
  }
}

describe('health probes against fault servers on 127.0.0.1', () => {
  const servers: S.Running[] = [];
  const start = async (p: Promise<S.Running>) => {
    const s = await p;
    servers.push(s);
    return s.url;
  };
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('passes a healthy JSON endpoint and checks body assertions', async () => {
    const url = await start(S.httpServer((_q, r) => S.json(r, 200, { status: 'healthy', db: { ok: true }, load: 0.2 })));
    const r = await probeOnce(url, {
      expect: { body: [{ path: 'status', equals: 'healthy' }, { path: 'db.ok', 'one-of': [true] }, { path: 'load', below: 0.5 }] },
    });
    expect(r.failure).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.assertions.every((a) => a.ok)).toBe(true);
  });

  it('classifies a failed assertion as body, with expected and found', async () => {
    const url = await start(S.httpServer((_q, r) => S.json(r, 200, { status: 'degraded' })));
    const r = await probeOnce(url, { expect: { body: [{ path: 'status', equals: 'healthy' }, { path: 'uptime', above: 1 }] } });
    expect(r.failure).toEqual({ class: 'body', message: 'status: expected = "healthy", found "degraded"; uptime: expected > 1, found no such field' });
  });

  it('refused port → refused, retried with backoff', async () => {
    const url = await S.refusedPort();
    const r = await probeOnce(url, { retries: 2, 'retry-delay': '10ms' });
    expect(r.failure?.class).toBe('refused');
    expect(r.attempts).toBe(3);
  });

  it('accept-then-hang → timeout within the probe timeout', async () => {
    const url = await start(S.hangServer());
    const r = await probeOnce(url, { timeout: '300ms' });
    expect(r.failure?.class).toBe('timeout');
    expect(r.failure?.message).toBe('no complete response within 300 ms');
    expect(r.latencyMs).toBeGreaterThanOrEqual(290);
  });

  it('a slow trickled body → timeout: the deadline covers the whole body, not just headers', async () => {
    const url = await start(S.trickleServer(100, 100));
    const r = await probeOnce(url, { timeout: '500ms' });
    expect(r.failure?.class).toBe('timeout');
  });

  it('5xx → status, retried as transient', async () => {
    const url = await start(S.statusServer(503));
    const r = await probeOnce(url, { retries: 1, 'retry-delay': '10ms' });
    expect(r.failure).toEqual({ class: 'status', message: 'HTTP 503, expected 2xx' });
    expect(r.status).toBe(503);
    expect(r.attempts).toBe(2);
  });

  it('4xx → status, not retried', async () => {
    const url = await start(S.statusServer(404));
    const r = await probeOnce(url, { retries: 2, 'retry-delay': '10ms' });
    expect(r.failure?.class).toBe('status');
    expect(r.attempts).toBe(1);
  });

  it('invalid JSON → body, when assertions need it', async () => {
    const url = await start(S.invalidJsonServer());
    const r = await probeOnce(url, { expect: { body: [{ path: 'status', equals: 'healthy' }] } });
    expect(r.failure?.class).toBe('body');
    expect(r.failure?.message).toMatch(/not JSON \(starts with "\{\\"status\\": \\"healthy\\",/);
    expect((await probeOnce(url)).failure).toBeUndefined();
  });

  it('a 10 MB body is read only up to the cap', async () => {
    const url = await start(S.hugeBodyServer(10));
    const before = process.memoryUsage().rss;
    const r = await probeOnce(url, { 'max-body-bytes': 64 * 1024, expect: { body: [{ path: 'status', equals: 'ok' }] } });
    expect(r.failure).toEqual({ class: 'body', message: 'the body is larger than 65536 bytes (max-body-bytes)' });
    expect(process.memoryUsage().rss - before).toBeLessThan(10 * 1024 * 1024);
    // With no assertion the body is not needed: the probe passes and still stops reading at the cap.
    expect((await probeOnce(url, { 'max-body-bytes': 1024 })).failure).toBeUndefined();
  });

  it('a redirect loop → redirect', async () => {
    const url = await start(S.redirectLoopServer());
    const r = await probeOnce(`${url}/a`);
    expect(r.failure?.class).toBe('redirect');
  });

  it('a self-signed certificate → tls; trusted once its CA is configured', async () => {
    const url = await start(S.selfSignedTlsServer());
    const r = await probeOnce(url);
    expect(r.failure?.class).toBe('tls');
    expect(r.attempts).toBe(1);
    const e = env({}, { tls: { ca: S.TLS_CERT } });
    const client = createHttpClient(systemClock, { caFile: S.TLS_CERT, rejectUnauthorized: true });
    try {
      expect((await runProbe(e.health![0]!, e, url, client)).failure).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it('an unresolvable host → dns', async () => {
    const r = await probeOnce('http://launchguard-no-such-host.invalid');
    expect(r.failure?.class).toBe('dns');
  });

  it('sends configured headers and a JSON body', async () => {
    let seen: { auth?: string; ct?: string; body?: string; method?: string } = {};
    const url = await start(
      S.httpServer((q, r) => {
        let body = '';
        q.on('data', (c) => (body += c));
        q.on('end', () => {
          seen = { auth: q.headers.authorization, ct: q.headers['content-type'], body, method: q.method };
          S.json(r, 200, {});
        });
      }),
    );
    const r = await probeOnce(url, { method: 'POST', headers: { Authorization: { value: 'Bearer s3cret', secret: true } }, body: { q: 1 } });
    expect(r.failure).toBeUndefined();
    expect(seen).toEqual({ auth: 'Bearer s3cret', ct: 'application/json', body: '{"q":1}', method: 'POST' });
  });
});

describe('probe retries against servers on 127.0.0.1 (issue 11)', () => {
  const servers: S.Running[] = [];
  const start = async (p: Promise<S.Running>) => {
    const s = await p;
    servers.push(s);
    return s.url;
  };
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  /** Resets the connection after reading the request: it may have been acted on. */
  const resetAfterSend = (counter: { n: number }) =>
    S.httpServer((q) => {
      counter.n++;
      q.on('data', () => {});
      q.on('end', () => (q.socket as import('node:net').Socket).resetAndDestroy());
    });

  it('a POST reset after it was sent is not replayed; a GET is', async () => {
    const posts = { n: 0 };
    const url = await start(resetAfterSend(posts));
    const post = await probeOnce(url, { method: 'POST', body: { charge: 1 }, retries: 2, 'retry-delay': '10ms' });
    expect(posts.n).toBe(1);
    expect(post.attempts).toBe(1);
    expect(post.failure?.message).toMatch(/not retried: POST is not idempotent/);
    const gets = { n: 0 };
    const url2 = await start(resetAfterSend(gets));
    const get = await probeOnce(url2, { retries: 2, 'retry-delay': '10ms' });
    expect(gets.n).toBe(3);
    expect(get.attempts).toBe(3);
  });

  it('idempotent: false keeps even a PUT from being replayed; idempotent: true lets a POST be', async () => {
    const puts = { n: 0 };
    const url = await start(resetAfterSend(puts));
    await probeOnce(url, { method: 'PUT', idempotent: false, retries: 2, 'retry-delay': '10ms' });
    expect(puts.n).toBe(1);
    const posts = { n: 0 };
    const url2 = await start(resetAfterSend(posts));
    await probeOnce(url2, { method: 'POST', idempotent: true, retries: 1, 'retry-delay': '10ms' });
    expect(posts.n).toBe(2);
  });

  it('a 503 with Retry-After: 1 is retried after the wait and passes', async () => {
    let n = 0;
    const url = await start(S.httpServer((_q, r) => {
      if (++n === 1) {
        r.writeHead(503, { 'retry-after': '1' });
        r.end();
      } else S.json(r, 200, {});
    }));
    const t0 = performance.now();
    const r = await probeOnce(url, { method: 'POST', timeout: '3s', retries: 1, 'retry-delay': '10ms' });
    expect(r.failure).toBeUndefined();
    expect(r.attempts).toBe(2);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900); // a lower bound the server sets, not a timing assertion on the machine
  });

  it('a 429 asking for a wait longer than the timeout fails the probe with the reason, without waiting', async () => {
    let n = 0;
    const url = await start(S.httpServer((_q, r) => {
      n++;
      r.writeHead(429, { 'retry-after': '120' });
      r.end();
    }));
    const r = await probeOnce(url, { timeout: '2s', retries: 3, 'retry-delay': '10ms' });
    expect(n).toBe(1);
    expect(r.failure?.message).toBe('HTTP 429, expected 2xx; the server asked to retry after 120.0 s (Retry-After), longer than the timeout of 2 s');
  });

  it('more than 5 redirects (not a loop) → redirect, not status', async () => {
    const url = await start(S.httpServer((q, r) => {
      const i = Number(q.url!.split('/').pop());
      if (i < 10) {
        r.writeHead(302, { location: `/r/${i + 1}` });
        r.end();
      } else S.json(r, 200, {});
    }));
    const r = await probeOnce(`${url}/r/1`);
    expect(r.failure?.class).toBe('redirect');
    expect(r.failure?.message).toMatch(/more than 5 redirects/);
  });
});
