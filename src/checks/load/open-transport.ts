import { validateHeaderName, validateHeaderValue } from 'node:http';
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { HTTPParser } from 'http-parser-js';

/**
 * The open model's HTTP/1.1 transport: keep-alive connections on raw `net`/`tls` sockets, one
 * request in flight on each, the request encoded once into a Buffer and written as it is, and
 * responses read by http-parser-js (a maintained HTTP/1.1 parser, the one autocannon uses). A
 * general client (undici) spends about twice the CPU per request on what a load generator sends
 * the same way a million times: headers rebuilt, a request object, a handler per request.
 *
 * The caller bounds the requests in flight; the transport reuses an idle connection or opens one,
 * so it never holds more connections than requests in flight. Every outcome goes to the `Sink`:
 * a complete response, or an error (`timedOut` when the whole response took longer than `timeoutMs`
 * from the moment it was sent, connecting included).
 */

export interface Sink<T> {
  response(tag: T, status: number, body: string | undefined): void;
  failed(tag: T, err: Error, timedOut: boolean): void;
}

export interface TransportOptions {
  readonly url: URL;
  /** The whole request, as `encodeRequest` made it. */
  readonly request: Buffer;
  /** A HEAD's response has headers only, whatever its content-length says. */
  readonly head: boolean;
  /** The request asked for `connection: close`: its connection is never reused. */
  readonly close: boolean;
  readonly timeoutMs: number;
  /** Past this many body bytes the response fails with a `BodyTooLarge`. */
  readonly maxBodyBytes: number;
  /** Keep the body's text (for expect-body-contains); otherwise only its length counts. */
  readonly keepBody: boolean;
  readonly tls?: { readonly rejectUnauthorized: boolean; readonly ca?: Buffer };
  readonly now: () => number;
}

/** An idle connection older than this is closed rather than reused: servers close theirs after about 5 s (Node's default). */
const IDLE_MS = 4000;

export class BodyTooLarge extends Error {
  readonly code = 'LG_BODY_TOO_LARGE';
}
export class ResponseTimeout extends Error {
  readonly code = 'LG_RESPONSE_TIMEOUT';
}
/** The server closed the connection, or sent something that is no answer to the request, before a complete response. */
export class ConnectionClosed extends Error {
  readonly code = 'LG_CONNECTION_CLOSED';
}

/** What a response may take on the wire, in body caps: chunk framing and 1xx responses on top of the body. */
const RAW_CAP = 4;

const PAYLOAD_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

/**
 * One request as bytes: request line, `host`, `connection: keep-alive`, the configured headers
 * (checked as node:http checks them: a CR or LF in a value throws), `content-length`, the body.
 * A configured `host` or `connection` replaces the default; `content-length` is always the body's.
 */
export function encodeRequest(method: string, url: URL, headers: Readonly<Record<string, string>>, body?: string): Buffer {
  const payload = body === undefined ? undefined : Buffer.from(body, 'utf8');
  const own: Record<string, string> = { host: url.host, connection: 'keep-alive' };
  const lines: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    const key = name.toLowerCase();
    if (key === 'host' || key === 'connection') own[key] = value;
    else if (key !== 'content-length' && key !== 'transfer-encoding') lines.push(`${name}: ${value}\r\n`);
  }
  let head = `${method} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${own.host}\r\nconnection: ${own.connection}\r\n${lines.join('')}`;
  if (payload) head += `content-length: ${payload.length}\r\n`;
  else if (PAYLOAD_METHODS.has(method)) head += 'content-length: 0\r\n';
  head += '\r\n';
  const bytes = Buffer.from(head, 'latin1');
  return payload ? Buffer.concat([bytes, payload]) : bytes;
}

/** True when a `connection` header value asks to close the connection after the response. */
export const asksClose = (value: string | undefined) => (value ?? '').toLowerCase().split(',').some((t) => t.trim() === 'close');

export class OpenTransport<T> {
  private readonly all = new Set<Connection<T>>();
  private idle: Connection<T>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Every plain connection's reads, one at a time: the parser keeps no view of it after a read (body text is copied). */
  readonly readBuffer = Buffer.allocUnsafe(64 * 1024);

  constructor(
    readonly opts: TransportOptions,
    readonly sink: Sink<T>,
  ) {}

  /** Sends the request on an idle connection, or a new one: the caller bounds the requests in flight. */
  send(tag: T): void {
    if (this.closed) return;
    const now = this.opts.now();
    let c: Connection<T> | undefined;
    while ((c = this.idle.pop())) {
      if (!c.dead && now - c.idleSince < IDLE_MS) break;
      this.drop(c);
    }
    if (!c) {
      c = new Connection(this);
      this.all.add(c);
    }
    c.start(tag, now);
    this.timer ??= setTimeout(this.sweep, this.opts.timeoutMs);
  }

  /** Destroys every connection: the run is over, and nothing it opened keeps the process alive. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const c of this.all) c.destroy();
    this.all.clear();
    this.idle = [];
  }

  release(c: Connection<T>, keep: boolean): void {
    if (keep && !this.closed) {
      c.idleSince = this.opts.now();
      this.idle.push(c);
    } else this.drop(c);
  }

  drop(c: Connection<T>): void {
    c.destroy();
    this.all.delete(c);
  }

  /** One timer for every deadline: it fires at the oldest request's, fails what is due and waits for the next. */
  private readonly sweep = () => {
    this.timer = undefined;
    if (this.closed) return;
    const now = this.opts.now();
    let next = Infinity;
    for (const c of this.all) {
      if (!c.busy) continue;
      const due = c.startedAt + this.opts.timeoutMs;
      if (due <= now) c.fail(new ResponseTimeout(`no complete response within ${this.opts.timeoutMs} ms`), true);
      else next = Math.min(next, due);
    }
    if (next !== Infinity) this.timer = setTimeout(this.sweep, Math.max(1, next - now));
  };
}

class Connection<T> {
  readonly socket: Socket;
  private readonly parser = new HTTPParser(HTTPParser.RESPONSE);
  private tag: T | undefined;
  busy = false;
  dead = false;
  startedAt = 0;
  idleSince = 0;
  private status = 0;
  private informational = false;
  private keep = false;
  private bytes = 0;
  /** Everything read for the request in flight: headers, 1xx, chunk framing, body. */
  private received = 0;
  private chunks: Buffer[] = [];

  constructor(private readonly t: OpenTransport<T>) {
    const o = t.opts;
    const host = o.url.hostname.startsWith('[') ? o.url.hostname.slice(1, -1) : o.url.hostname;
    const port = Number(o.url.port) || (o.tls ? 443 : 80);
    this.socket = o.tls
      ? tlsConnect({ host, port, rejectUnauthorized: o.tls.rejectUnauthorized, ...(o.tls.ca ? { ca: o.tls.ca } : {}), ...(isIP(host) ? {} : { servername: host }), ALPNProtocols: ['http/1.1'] })
      : // Plain reads land in the transport's one buffer (node's `onread`): no Buffer and no stream event per read.
        netConnect({ host, port, onread: { buffer: t.readBuffer, callback: (n, buf) => this.data((buf as Buffer).subarray(0, n)) } });
    this.socket.setNoDelay(true);
    if (o.tls) this.socket.on('data', (chunk: Buffer) => void this.data(chunk));
    this.socket.on('error', (err) => this.fail(err, false));
    this.socket.on('end', () => this.ended());
    this.socket.on('close', () => this.ended());
    const p = this.parser;
    // http-parser-js passes one info object, or (in its Node 0.11 mode, which any user of the module can switch on) the fields one by one.
    p[HTTPParser.kOnHeadersComplete] = ((...a: unknown[]) => {
      const info = a[0] as { statusCode: number; shouldKeepAlive: boolean } | number;
      return typeof info === 'object' ? this.headers(info.statusCode, info.shouldKeepAlive) : this.headers(a[5] as number, a[8] as boolean);
    }) as (typeof p)[typeof HTTPParser.kOnHeadersComplete];
    p[HTTPParser.kOnBody] = (chunk, offset, length) => this.body(chunk, offset, length);
    p[HTTPParser.kOnMessageComplete] = () => this.complete();
  }

  start(tag: T, now: number): void {
    this.tag = tag;
    this.busy = true;
    this.startedAt = now;
    this.status = 0;
    this.bytes = 0;
    this.received = 0;
    this.socket.write(this.t.opts.request);
  }

  destroy(): void {
    this.dead = true;
    this.socket.destroy();
  }

  /** Ends the request in flight with an error; the connection is closed (its state is unknown). */
  fail(err: Error, timedOut: boolean): void {
    const tag = this.tag;
    const busy = this.busy;
    this.settle();
    this.t.drop(this);
    if (busy) this.t.sink.failed(tag as T, err, timedOut);
  }

  private settle(): void {
    this.busy = false;
    this.tag = undefined;
    this.informational = false;
    if (this.chunks.length) this.chunks = [];
  }

  /** Always true: keep reading (`onread`'s answer). */
  private data(chunk: Buffer): true {
    if (this.dead) return true;
    if (!this.busy) {
      // Bytes nobody asked for: the connection is out of step with its requests.
      this.t.drop(this);
      return true;
    }
    // The body cap counts body bytes; this one bounds what the parser may buffer besides (a chunk-size
    // line or a run of 1xx that never ends), so no response grows without bound.
    this.received += chunk.length;
    const cap = RAW_CAP * this.t.opts.maxBodyBytes;
    if (this.received > cap) {
      this.fail(new BodyTooLarge(`a response went past ${cap} bytes on the wire (the load check keeps at most ${this.t.opts.maxBodyBytes} bytes of a response)`), false);
      return true;
    }
    let r: number | Error;
    try {
      // http-parser-js returns a parse error, and rethrows one thrown by a callback (headers() throws on nonsense).
      r = this.parser.execute(chunk);
    } catch (err) {
      r = err as Error;
    }
    if (r instanceof Error) this.fail(r, false);
    return true;
  }

  private headers(status: number, keepAlive: boolean): number {
    if (!this.busy) throw new ConnectionClosed('a response to no request');
    // A 1xx is followed by the real response; 101 would switch protocols, which a load test never asked for.
    if (status === 101) throw new ConnectionClosed('the server switched protocols (HTTP 101)');
    if (status < 200) {
      this.informational = true;
      return 0;
    }
    this.status = status;
    this.keep = keepAlive && !this.t.opts.close;
    return this.t.opts.head ? 1 : 0;
  }

  private body(chunk: Buffer, offset: number, length: number): void {
    if (!this.busy) return;
    this.bytes += length;
    const o = this.t.opts;
    if (this.bytes > o.maxBodyBytes) {
      this.fail(new BodyTooLarge(`a response body went past ${o.maxBodyBytes} bytes (the load check keeps at most ${o.maxBodyBytes} bytes of a response)`), false);
    } else if (o.keepBody) this.chunks.push(Buffer.from(chunk.subarray(offset, offset + length)));
  }

  private complete(): void {
    if (!this.busy) return;
    if (this.informational) {
      this.informational = false;
      return;
    }
    const tag = this.tag as T;
    const status = this.status;
    const body = this.t.opts.keepBody ? Buffer.concat(this.chunks).toString('utf8') : undefined;
    this.settle();
    this.t.release(this, this.keep && !this.dead);
    this.t.sink.response(tag, status, body);
  }

  /** The server closed the connection: a body that runs to the close ends there; any other response in flight is cut off. */
  private ended(): void {
    if (this.dead) return;
    if (this.busy) {
      const r = this.parser.finish();
      if (r instanceof Error || this.busy) {
        this.fail(new ConnectionClosed('the server closed the connection before a complete response'), false);
        return;
      }
    }
    this.t.drop(this);
  }
}
