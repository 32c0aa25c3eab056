import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';

/** A server on 127.0.0.1 at a free port; close() ends every connection it holds. */
export interface Running {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

async function listen(server: Server | NetServer, scheme = 'http'): Promise<Running> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function httpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Running> {
  return listen(createServer(handler));
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A port nothing listens on: bound, then released. */
export async function refusedPort(): Promise<string> {
  const s = await listen(createNetServer());
  await s.close();
  return s.url;
}

/** Accepts connections and never answers. */
export function hangServer(): Promise<Running> {
  return listen(createNetServer(() => {}));
}

/** Sends headers, then one byte every `everyMs`, never finishing within a test's patience. */
export function trickleServer(everyMs = 200, bytes = 100): Promise<Running> {
  return httpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    let sent = 0;
    const t = setInterval(() => {
      if (res.destroyed || sent >= bytes) {
        clearInterval(t);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(' ');
      sent++;
    }, everyMs);
    res.on('close', () => clearInterval(t));
  });
}

export function statusServer(status: number, body: unknown = { detail: 'error' }): Promise<Running> {
  return httpServer((_req, res) => json(res, status, body));
}

export function invalidJsonServer(): Promise<Running> {
  return httpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status": "healthy",');
  });
}

/** A body of `mb` megabytes, streamed. */
export function hugeBodyServer(mb = 10): Promise<Running> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  return httpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    let left = (mb * 1024 * 1024) / chunk.length;
    const pump = () => {
      while (left > 0) {
        left--;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
}

export function redirectLoopServer(): Promise<Running> {
  return httpServer((req, res) => {
    res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' });
    res.end();
  });
}

export const TLS_CERT = 'test/fixtures/tls/cert.pem';

export function selfSignedTlsServer(): Promise<Running> {
  const server = createHttpsServer(
    { key: readFileSync('test/fixtures/tls/key.pem'), cert: readFileSync(TLS_CERT) },
    (_req, res) => json(res, 200, { status: 'healthy' }),
  );
  return listen(server, 'https');
}

/**
 * A chunked body that never ends by itself: 64 KiB chunks as fast as the client reads them, up
 * to `maxMb` (a bound, so the test server cannot run forever if the client never hangs up).
 */
export function endlessChunkedServer(maxMb = 512): Promise<Running> {
  const chunk = Buffer.alloc(64 * 1024, 'y');
  return httpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }); // no content-length: chunked
    let left = (maxMb * 1024 * 1024) / chunk.length;
    const pump = () => {
      while (left > 0 && !res.destroyed) {
        left--;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.on('close', () => (left = 0));
    pump();
  });
}

/** `depth` nested arrays, as text: JSON.parse takes it, recursive walkers overflow their stack. */
export function deepJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** HTTPS with the test certificate (trust it with `tls.ca: cert.pem`). */
export function tlsServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Running> {
  return listen(createHttpsServer({ key: readFileSync('test/fixtures/tls/key.pem'), cert: readFileSync(TLS_CERT) }, handler), 'https');
}

/** Records the headers of every request it gets; answers 200 JSON. */
export async function headerRecorder(): Promise<Running & { readonly seen: Record<string, string | string[] | undefined>[] }> {
  const seen: Record<string, string | string[] | undefined>[] = [];
  const s = await httpServer((req, res) => {
    seen.push({ ...req.headers, ':path': req.url });
    json(res, 200, { status: 'healthy' });
  });
  return Object.assign(s, { seen });
}

/** HTTPS with the given key and certificate (see helpers/certs.ts for certificates made in a test). */
export function httpsServer(tls: { key: Buffer; cert: Buffer }, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Running> {
  return listen(createHttpsServer(tls, handler), 'https');
}
