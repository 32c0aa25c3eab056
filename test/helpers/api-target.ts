import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/**
 * A FastAPI-like JSON API for the audits, each quick win switchable: gzip (GZipMiddleware), paging
 * (limit and page honoured, 20 a page by default), ETags answered with 304, Cache-Control, HSTS.
 */
export interface ApiOptions {
  readonly gzip?: boolean;
  readonly paginate?: boolean;
  readonly users?: number;
  readonly etag304?: boolean;
  readonly cacheControl?: string;
  readonly hsts?: boolean;
  readonly delayMs?: number;
}

export function users(n: number): { id: number; name: string; email: string; role: string }[] {
  return Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `User number ${i + 1}`, email: `user${i + 1}@example.com`, role: i % 5 ? 'member' : 'admin' }));
}

export function apiHandler(o: ApiOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const all = users(o.users ?? 50);
  return (req, res) => {
    const send = () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (o.hsts) headers['strict-transport-security'] = 'max-age=31536000';
      let body: unknown;
      if (u.pathname === '/api/users') {
        if (o.paginate) {
          const limit = Math.min(Number(u.searchParams.get('limit') ?? 20) || 20, 100);
          const page = Math.max(Number(u.searchParams.get('page') ?? 1) || 1, 1);
          body = all.slice((page - 1) * limit, page * limit);
        } else {
          body = all;
        }
      } else if (u.pathname === '/api/packages') {
        body = { items: [{ id: 'basic', price: 10 }, { id: 'pro', price: 30 }] };
        headers.etag = '"pkg-v1"';
        if (o.cacheControl) headers['cache-control'] = o.cacheControl;
        if (o.etag304 && req.headers['if-none-match'] === '"pkg-v1"') {
          res.writeHead(304, headers);
          res.end();
          return;
        }
      } else {
        body = { status: 'healthy' };
      }
      let buf = Buffer.from(JSON.stringify(body));
      if (o.gzip && buf.length >= 1000 && String(req.headers['accept-encoding'] ?? '').includes('gzip')) {
        buf = gzipSync(buf);
        headers['content-encoding'] = 'gzip';
        headers.vary = 'Accept-Encoding';
      }
      headers['content-length'] = String(buf.length);
      res.writeHead(200, headers);
      res.end(buf);
    };
    if (o.delayMs) setTimeout(send, o.delayMs);
    else send();
  };
}
