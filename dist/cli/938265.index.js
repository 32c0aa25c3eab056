export const id = 938265;
export const ids = [938265];
export const modules = {

/***/ 42921:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadRequestsOf: () => (/* binding */ loadRequestsOf),
  preflight: () => (/* binding */ preflight),
  runLoad: () => (/* binding */ runLoad),
  shape: () => (/* binding */ shape),
  toResult: () => (/* binding */ toResult)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/http/retry.ts + 2 modules
var retry = __webpack_require__(29765);
// EXTERNAL MODULE: ./src/http/target.ts
var http_target = __webpack_require__(38699);
// EXTERNAL MODULE: ./src/scale/counters.ts
var scale_counters = __webpack_require__(53537);
// EXTERNAL MODULE: ./src/scale/histogram.ts
var histogram = __webpack_require__(97784);
// EXTERNAL MODULE: ./src/scale/shard-spec.ts
var shard_spec = __webpack_require__(68252);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/checks/load/schema.ts
var schema = __webpack_require__(98255);
// EXTERNAL MODULE: ./src/scale/shards.ts + 1 modules
var shards = __webpack_require__(97180);
;// CONCATENATED MODULE: ./src/scale/workers.ts






/** Where the bundled worker lives: dist/load-worker/index.js, found from this module's own place. */
function workerPath() {
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 5; i++) {
        for (const candidate of [(0,external_node_path_.join)(dir, 'load-worker', 'index.js'), (0,external_node_path_.join)(dir, 'dist', 'load-worker', 'index.js')]) {
            if ((0,external_node_fs_.existsSync)(candidate))
                return candidate;
        }
        dir = (0,external_node_path_.dirname)(dir);
    }
    throw new Error('the load worker (dist/load-worker/index.js) is missing: run `npm run build`');
}
/**
 * Several load generator processes on one runner, so more CPUs generate more load. Each worker
 * runs its share as a shard; the parent merges them exactly, like a merge run merges a matrix.
 * A slice that sends nothing gets no process: `runIdle` measures it (as nothing) in this one.
 */
async function runWithWorkers(load, target, workers, runIdle) {
    const single = { ...load, workers: 1 };
    const path = workerPath();
    const hash = (0,shards.configHash)('workers', load);
    const children = new Set();
    const stopAll = () => {
        for (const c of children)
            if (c.exitCode === null && c.signalCode === null)
                c.kill();
    };
    try {
        const parts = await Promise.all(Array.from({ length: workers }, (_, i) => {
            const spec = { index: i + 1, count: workers };
            const slice = (0,shards.shardLoad)(single, spec);
            // A slice whose share of the rate or amount is 0 sends nothing: no process for it.
            if (slice.rate === 0 || slice.amount === 0 || (0,schema/* openIsIdle */.HA)(slice)) {
                return runIdle(slice).then((r) => ({ result: (0,shards.toShardResult)(r, spec, 'workers', hash), source: `worker ${spec.index}` }));
            }
            return new Promise((resolve, reject) => {
                const child = (0,external_node_child_process_.fork)(path, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LAUNCHGUARD_LOAD_WORKER: '1' } });
                children.add(child);
                let done = false;
                child.once('message', (msg) => {
                    done = true;
                    if (msg.ok && msg.result)
                        resolve({ result: (0,shards.toShardResult)(msg.result, spec, 'workers', hash), source: `worker ${spec.index}` });
                    else
                        reject(new Error(`load worker ${spec.index} of ${workers} failed: ${msg.error ?? 'no result'}; the other workers were stopped`));
                });
                child.once('exit', (code, signal) => {
                    children.delete(child);
                    if (!done)
                        reject(new Error(`load worker ${spec.index} of ${workers} exited (${signal ?? `code ${code}`}) before sending its result; the other workers were stopped`));
                });
                child.send({ load: slice, target });
            });
        }));
        const merged = (0,shards.mergeShards)(parts);
        const idle = parts.filter((p) => p.result.requests.every((r) => r.idle)).map((p) => p.source);
        const notes = idle.length ? [`load: ${idle.join(', ')} of ${workers} sent nothing: the rate or amount is smaller than the number of workers, and the sum of the slices never exceeds it`] : [];
        return { ...merged.load, ...(notes.length ? { notes } : {}) };
    }
    catch (err) {
        // One failed worker stops the others: its failure is the news, not a half-measured load.
        stopAll();
        throw err;
    }
}

// EXTERNAL MODULE: ./node_modules/autocannon/autocannon.js
var autocannon = __webpack_require__(88174);
var autocannon_default = /*#__PURE__*/__webpack_require__.n(autocannon);
// EXTERNAL MODULE: ./src/http/client.ts
var client = __webpack_require__(73329);
;// CONCATENATED MODULE: ./src/checks/load/autocannon.ts




/**
 * One autocannon instance, in process. Every response's latency goes into an HDR histogram in
 * microseconds: a successful one (2xx, body as expected) into `hist`, a failed one into
 * `failedHist`, because a fast 503 is not latency. Errors are counted by kind. A hard deadline stops it even if the target never answers.
 */
function runOne(run, clock, hist, failedHist) {
    return new Promise((resolve, reject) => {
        const c = (0,scale_counters/* zeroCounters */.QQ)();
        const started = clock.monotonic();
        // Only an uncapped `amount` run ends at its last response; keep the clock off the hot path otherwise.
        const endsAtLastResponse = run.amount !== undefined && !run.rate;
        let last = started;
        const contains = run.expectBodyContains;
        // autocannon emits `response` and then, for the same reply and synchronously, `reqMismatch`:
        // the status seen last is that reply's, and only a 2xx body mismatch is one more failure.
        let lastStatus = 0;
        // Which histogram a response belongs to is known once its mismatch (if any) was emitted, in the
        // same tick: the latency waits for a microtask.
        let lastReply;
        const file = (reply) => {
            const h = reply.failed ? failedHist : hist;
            if (h)
                (0,histogram/* recordMs */.mw)(h, reply.ms);
        };
        // Under a rate cap, latency counts from when the rate meant to send the request, as wrk2 does:
        // each connection's n-th request is due at start + n / (its share of the rate). A stalled server
        // cannot hide its stall by holding back the requests that would have waited behind it.
        const fromIntended = run.rate !== undefined;
        const perConnectionRate = fromIntended ? run.rate / Math.min(run.connections, run.rate) : 0;
        const slots = new WeakMap();
        const nextSlot = (client) => {
            const n = slots.get(client) ?? 0;
            slots.set(client, n + 1);
            return n;
        };
        const instance = autocannon_default()({
            url: run.url,
            method: run.method,
            headers: run.headers,
            body: run.body,
            // autocannon refuses more connections than `amount`, and caps them at `overallRate` itself.
            connections: run.amount !== undefined ? Math.min(run.connections, run.amount) : run.connections,
            duration: run.durationMs / 1000,
            ...(run.amount !== undefined ? { amount: run.amount } : {}),
            ...(run.rate !== undefined ? { overallRate: run.rate } : {}),
            timeout: Math.max(1, Math.ceil(run.timeoutMs / 1000)),
            ...(contains ? { verifyBody: (b) => String(b).includes(contains) } : {}),
            setupClient: (client) => {
                capBodies(client, LOAD_MAX_BODY_BYTES);
                // A request that failed used its slot too: its connection's schedule moves on.
                if (fromIntended) {
                    client.on('timeout', () => nextSlot(client));
                    client.on('connError', () => nextSlot(client));
                }
            },
            skipAggregateResult: true,
        }, (err) => {
            clearTimeout(deadline);
            process.off('uncaughtException', crashed);
            if (err)
                reject(err);
            // autocannon ends on its one-second tick. An uncapped `amount` run really ended at its last
            // response; any other run spans until the tick (a rate cap sends in per-second bursts).
            else {
                const elapsedMs = (endsAtLastResponse && c.responses > 0 ? last : clock.monotonic()) - started;
                // The last replies' latencies are filed in microtasks queued before this one.
                queueMicrotask(() => resolve({ ...c, elapsedMs }));
            }
        });
        // autocannon throws some errors from socket callbacks, out of reach of any promise: while it
        // runs, such an error stops this run and becomes the load check's failure, not the process's.
        const crashed = (err) => {
            clearTimeout(deadline);
            process.off('uncaughtException', crashed);
            try {
                instance.stop();
            }
            catch {
                // already stopping
            }
            reject(new Error(`the load generator (autocannon) failed: ${err instanceof Error ? err.message : String(err)}`));
        };
        process.on('uncaughtException', crashed);
        // With `amount`, autocannon runs until that many responses arrive: `duration` bounds it in time.
        // Without, autocannon stops itself at `duration`; the deadline is a safety net.
        const deadline = setTimeout(() => instance.stop(), run.amount ? run.durationMs : run.durationMs + run.timeoutMs + 1000);
        instance.on('response', (client, status, _bytes, ms) => {
            c.responses++;
            lastStatus = status;
            if (endsAtLastResponse)
                last = clock.monotonic();
            let latency = ms;
            if (fromIntended) {
                const due = started + nextSlot(client) * (1000 / (client.rate || perConnectionRate));
                latency = Math.max(ms, clock.monotonic() - due);
            }
            const reply = { ms: latency, failed: status < 200 || status >= 300 };
            lastReply = reply;
            queueMicrotask(() => file(reply));
            c.statusCodes[status] = (c.statusCodes[status] ?? 0) + 1;
            if (status < 200 || status >= 300)
                c.non2xx++;
        });
        instance.on('reqError', (err) => {
            if (err.message === 'request timed out')
                c.timeouts++;
            else
                c.socketErrors++;
            if (!c.firstError) {
                const { cls, message } = (0,client/* classify */.L8)(err, err.message === 'request timed out', run.timeoutMs);
                c.firstError = { class: cls, message };
            }
        });
        instance.on('reqMismatch', () => {
            if (lastStatus >= 200 && lastStatus < 300) {
                c.mismatches++;
                if (lastReply)
                    lastReply.failed = true;
            }
        });
    });
}
/** What the load check keeps of one response body: enough for `expect-body-contains`, never a whole endless body. */
const LOAD_MAX_BODY_BYTES = 1024 * 1024;
/**
 * autocannon appends every body chunk to a string, so an endless body grows until the process
 * dies (`RangeError: Invalid string length`). Past `cap` bytes the rest is dropped, the request
 * counts as an error of class `body`, and the connection is dropped and opened again (with a
 * fresh parser: the old one is in the middle of the endless body).
 */
function capBodies(client, cap) {
    const q = client.pipelinedRequests;
    q.addBody = (data) => {
        const req = q.peek();
        if (!req || req.lgOver)
            return;
        const text = String(data);
        if (req.body.length + text.length <= cap) {
            req.body += text;
            return;
        }
        req.lgOver = true;
        setImmediate(() => {
            if (client.destroyed)
                return;
            const err = Object.assign(new Error(`a response body went past ${cap} bytes (the load check keeps at most ${cap} bytes of a response), so the connection was dropped`), { code: 'LG_BODY_TOO_LARGE' });
            client.emit('connError', err);
            client._destroyConnection();
            client.parser.initialize(RESPONSE_PARSER);
            client._connect();
        });
    };
}
/** http-parser-js's HTTPParser.RESPONSE. */
const RESPONSE_PARSER = 'RESPONSE';

// EXTERNAL MODULE: ./src/scale/stages.ts
var stages = __webpack_require__(50243);
// EXTERNAL MODULE: ./src/checks/load/open-schedule.ts
var open_schedule = __webpack_require__(60056);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./node_modules/http-parser-js/http-parser.js
var http_parser = __webpack_require__(89460);
;// CONCATENATED MODULE: ./src/checks/load/open-transport.ts




/** An idle connection older than this is closed rather than reused: servers close theirs after about 5 s (Node's default). */
const IDLE_MS = 4000;
class BodyTooLarge extends Error {
    code = 'LG_BODY_TOO_LARGE';
}
class ResponseTimeout extends Error {
    code = 'LG_RESPONSE_TIMEOUT';
}
/** The server closed the connection, or sent something that is no answer to the request, before a complete response. */
class ConnectionClosed extends Error {
    code = 'LG_CONNECTION_CLOSED';
}
/** What a response may take on the wire, in body caps: chunk framing and 1xx responses on top of the body. */
const RAW_CAP = 4;
const PAYLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/**
 * One request as bytes: request line, `host`, `connection: keep-alive`, the configured headers
 * (checked as node:http checks them: a CR or LF in a value throws), `content-length`, the body.
 * A configured `host` or `connection` replaces the default; `content-length` is always the body's.
 */
function encodeRequest(method, url, headers, body) {
    const payload = body === undefined ? undefined : Buffer.from(body, 'utf8');
    const own = { host: url.host, connection: 'keep-alive' };
    const lines = [];
    for (const [name, value] of Object.entries(headers)) {
        (0,external_node_http_.validateHeaderName)(name);
        (0,external_node_http_.validateHeaderValue)(name, value);
        const key = name.toLowerCase();
        if (key === 'host' || key === 'connection')
            own[key] = value;
        else if (key !== 'content-length' && key !== 'transfer-encoding')
            lines.push(`${name}: ${value}\r\n`);
    }
    let head = `${method} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${own.host}\r\nconnection: ${own.connection}\r\n${lines.join('')}`;
    if (payload)
        head += `content-length: ${payload.length}\r\n`;
    else if (PAYLOAD_METHODS.has(method))
        head += 'content-length: 0\r\n';
    head += '\r\n';
    const bytes = Buffer.from(head, 'latin1');
    return payload ? Buffer.concat([bytes, payload]) : bytes;
}
/** True when a `connection` header value asks to close the connection after the response. */
const asksClose = (value) => (value ?? '').toLowerCase().split(',').some((t) => t.trim() === 'close');
class OpenTransport {
    opts;
    sink;
    all = new Set();
    idle = [];
    timer;
    closed = false;
    /** Every plain connection's reads, one at a time: the parser keeps no view of it after a read (body text is copied). */
    readBuffer = Buffer.allocUnsafe(64 * 1024);
    constructor(opts, sink) {
        this.opts = opts;
        this.sink = sink;
    }
    /** Sends the request on an idle connection, or a new one: the caller bounds the requests in flight. */
    send(tag) {
        if (this.closed)
            return;
        const now = this.opts.now();
        let c;
        while ((c = this.idle.pop())) {
            if (!c.dead && now - c.idleSince < IDLE_MS)
                break;
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
    close() {
        this.closed = true;
        clearTimeout(this.timer);
        this.timer = undefined;
        for (const c of this.all)
            c.destroy();
        this.all.clear();
        this.idle = [];
    }
    release(c, keep) {
        if (keep && !this.closed) {
            c.idleSince = this.opts.now();
            this.idle.push(c);
        }
        else
            this.drop(c);
    }
    drop(c) {
        c.destroy();
        this.all.delete(c);
    }
    /** One timer for every deadline: it fires at the oldest request's, fails what is due and waits for the next. */
    sweep = () => {
        this.timer = undefined;
        if (this.closed)
            return;
        const now = this.opts.now();
        let next = Infinity;
        for (const c of this.all) {
            if (!c.busy)
                continue;
            const due = c.startedAt + this.opts.timeoutMs;
            if (due <= now)
                c.fail(new ResponseTimeout(`no complete response within ${this.opts.timeoutMs} ms`), true);
            else
                next = Math.min(next, due);
        }
        if (next !== Infinity)
            this.timer = setTimeout(this.sweep, Math.max(1, next - now));
    };
}
class Connection {
    t;
    socket;
    parser = new http_parser/* HTTPParser */.e(http_parser/* HTTPParser */.e.RESPONSE);
    tag;
    busy = false;
    dead = false;
    startedAt = 0;
    idleSince = 0;
    status = 0;
    informational = false;
    keep = false;
    bytes = 0;
    /** Everything read for the request in flight: headers, 1xx, chunk framing, body. */
    received = 0;
    chunks = [];
    constructor(t) {
        this.t = t;
        const o = t.opts;
        const host = o.url.hostname.startsWith('[') ? o.url.hostname.slice(1, -1) : o.url.hostname;
        const port = Number(o.url.port) || (o.tls ? 443 : 80);
        this.socket = o.tls
            ? (0,external_node_tls_.connect)({ host, port, rejectUnauthorized: o.tls.rejectUnauthorized, ...(o.tls.ca ? { ca: o.tls.ca } : {}), ...((0,external_node_net_.isIP)(host) ? {} : { servername: host }), ALPNProtocols: ['http/1.1'] })
            : // Plain reads land in the transport's one buffer (node's `onread`): no Buffer and no stream event per read.
                (0,external_node_net_.connect)({ host, port, onread: { buffer: t.readBuffer, callback: (n, buf) => this.data(buf.subarray(0, n)) } });
        this.socket.setNoDelay(true);
        if (o.tls)
            this.socket.on('data', (chunk) => void this.data(chunk));
        this.socket.on('error', (err) => this.fail(err, false));
        this.socket.on('end', () => this.ended());
        this.socket.on('close', () => this.ended());
        const p = this.parser;
        // http-parser-js passes one info object, or (in its Node 0.11 mode, which any user of the module can switch on) the fields one by one.
        p[http_parser/* HTTPParser */.e.kOnHeadersComplete] = ((...a) => {
            const info = a[0];
            return typeof info === 'object' ? this.headers(info.statusCode, info.shouldKeepAlive) : this.headers(a[5], a[8]);
        });
        p[http_parser/* HTTPParser */.e.kOnBody] = (chunk, offset, length) => this.body(chunk, offset, length);
        p[http_parser/* HTTPParser */.e.kOnMessageComplete] = () => this.complete();
    }
    start(tag, now) {
        this.tag = tag;
        this.busy = true;
        this.startedAt = now;
        this.status = 0;
        this.bytes = 0;
        this.received = 0;
        this.socket.write(this.t.opts.request);
    }
    destroy() {
        this.dead = true;
        this.socket.destroy();
    }
    /** Ends the request in flight with an error; the connection is closed (its state is unknown). */
    fail(err, timedOut) {
        const tag = this.tag;
        const busy = this.busy;
        this.settle();
        this.t.drop(this);
        if (busy)
            this.t.sink.failed(tag, err, timedOut);
    }
    settle() {
        this.busy = false;
        this.tag = undefined;
        this.informational = false;
        if (this.chunks.length)
            this.chunks = [];
    }
    /** Always true: keep reading (`onread`'s answer). */
    data(chunk) {
        if (this.dead)
            return true;
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
        let r;
        try {
            // http-parser-js returns a parse error, and rethrows one thrown by a callback (headers() throws on nonsense).
            r = this.parser.execute(chunk);
        }
        catch (err) {
            r = err;
        }
        if (r instanceof Error)
            this.fail(r, false);
        return true;
    }
    headers(status, keepAlive) {
        if (!this.busy)
            throw new ConnectionClosed('a response to no request');
        // A 1xx is followed by the real response; 101 would switch protocols, which a load test never asked for.
        if (status === 101)
            throw new ConnectionClosed('the server switched protocols (HTTP 101)');
        if (status < 200) {
            this.informational = true;
            return 0;
        }
        this.status = status;
        this.keep = keepAlive && !this.t.opts.close;
        return this.t.opts.head ? 1 : 0;
    }
    body(chunk, offset, length) {
        if (!this.busy)
            return;
        this.bytes += length;
        const o = this.t.opts;
        if (this.bytes > o.maxBodyBytes) {
            this.fail(new BodyTooLarge(`a response body went past ${o.maxBodyBytes} bytes (the load check keeps at most ${o.maxBodyBytes} bytes of a response)`), false);
        }
        else if (o.keepBody)
            this.chunks.push(Buffer.from(chunk.subarray(offset, offset + length)));
    }
    complete() {
        if (!this.busy)
            return;
        if (this.informational) {
            this.informational = false;
            return;
        }
        const tag = this.tag;
        const status = this.status;
        const body = this.t.opts.keepBody ? Buffer.concat(this.chunks).toString('utf8') : undefined;
        this.settle();
        this.t.release(this, this.keep && !this.dead);
        this.t.sink.response(tag, status, body);
    }
    /** The server closed the connection: a body that runs to the close ends there; any other response in flight is cut off. */
    ended() {
        if (this.dead)
            return;
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

;// CONCATENATED MODULE: ./src/checks/load/open-model.ts






/** Runs one request's schedule. `hist` gets the successful responses' latencies, `failedHist` the failed ones'. */
function runOpen(run, clock, hist, failedHist) {
    const url = new URL(run.url);
    const contains = run.expectBodyContains;
    const c = { ...(0,scale_counters/* zeroCounters */.QQ)(), dropped: 0, elapsedMs: 0, stages: run.plan.stages.map(() => ({ requests: 0, dropped: 0, hist: (0,histogram/* createHistogram */.v5)() })) };
    const ends = [];
    for (const s of run.plan.stages)
        ends.push((ends.at(-1) ?? 0) + s.durationMs);
    const schedule = (0,open_schedule/* arrivals */.ns)(run.plan);
    let stage = 0;
    let inFlight = 0;
    let closed = false;
    let scheduled = false;
    let t0 = 0;
    const lag = (0,histogram/* createHistogram */.v5)();
    return new Promise((resolve) => {
        let timer;
        let deadline;
        const finish = () => {
            if (closed)
                return;
            closed = true;
            clearTimeout(timer);
            clearTimeout(deadline);
            // Requests still in flight at the deadline got no complete response in time.
            c.timeouts += inFlight;
            if (inFlight > 0 && !c.firstError)
                c.firstError = { class: 'timeout', message: `no complete response within ${run.timeoutMs} ms` };
            c.elapsedMs = clock.monotonic() - t0;
            const l = (0,histogram/* summarize */.eh)(lag);
            if (l.count > 0)
                c.sendLagMs = { p99: l.p99, max: l.max };
            transport.close();
            resolve(c);
        };
        const settled = () => {
            inFlight--;
            if (scheduled && inFlight === 0)
                finish();
        };
        // Every outcome of a request started at `intended` (ms from the run's start) in stage `s`.
        const sink = {
            response(req, status, body) {
                if (closed)
                    return;
                const ms = clock.monotonic() - t0 - req.intended;
                c.responses++;
                c.statusCodes[status] = (c.statusCodes[status] ?? 0) + 1;
                const ok = status >= 200 && status < 300;
                const matches = contains === undefined || body.includes(contains);
                if (!ok)
                    c.non2xx++;
                else if (!matches)
                    c.mismatches++;
                if (ok && matches) {
                    (0,histogram/* recordMs */.mw)(hist, ms);
                    (0,histogram/* recordMs */.mw)(req.stage.hist, ms);
                }
                else if (failedHist)
                    (0,histogram/* recordMs */.mw)(failedHist, ms);
                settled();
            },
            failed(_req, err, timedOut) {
                if (closed)
                    return;
                // `timeout` bounds the whole response, as in the closed model: a body that trickles or a
                // connection that hangs frees its slot at `timeout` and counts as a timeout.
                const { cls, message } = (0,client/* classify */.L8)(err, timedOut, run.timeoutMs);
                if (cls === 'timeout')
                    c.timeouts++;
                else
                    c.socketErrors++;
                if (!c.firstError)
                    c.firstError = { class: cls, message };
                settled();
            },
        };
        const transport = new OpenTransport({
            url,
            request: encodeRequest(run.method, url, run.headers, run.body),
            head: run.method === 'HEAD',
            close: asksClose(Object.entries(run.headers).find(([k]) => k.toLowerCase() === 'connection')?.[1]),
            timeoutMs: run.timeoutMs,
            maxBodyBytes: LOAD_MAX_BODY_BYTES,
            keepBody: contains !== undefined,
            ...(url.protocol === 'https:' ? { tls: { rejectUnauthorized: run.tls?.rejectUnauthorized ?? true, ...(run.tls?.caFile ? { ca: (0,client/* readCa */.No)(run.tls.caFile) } : {}) } } : {}),
            now: () => clock.monotonic(),
        }, sink);
        const launch = (intended, s, lagMs) => {
            if (inFlight >= run.maxInFlight) {
                c.dropped++;
                s.dropped++;
                // A dropped request counts in the percentiles at `timeout`: the most its user would have waited.
                (0,histogram/* recordMs */.mw)(hist, run.timeoutMs);
                (0,histogram/* recordMs */.mw)(s.hist, run.timeoutMs);
                return;
            }
            (0,histogram/* recordMs */.mw)(lag, lagMs);
            inFlight++;
            s.requests++;
            transport.send({ intended, stage: s });
        };
        let next = schedule.next();
        const tick = () => {
            timer = undefined;
            if (closed)
                return;
            const now = clock.monotonic() - t0;
            while (!next.done && next.value <= now) {
                const at = next.value;
                while (stage < ends.length - 1 && at >= ends[stage])
                    stage++;
                launch(at, c.stages[stage], now - at);
                next = schedule.next();
            }
            if (!next.done) {
                timer = setTimeout(tick, next.value - now);
                return;
            }
            scheduled = true;
            if (inFlight === 0)
                finish();
            // Every wait is bounded: what has not answered a timeout after the last start is a timeout.
            else
                deadline = setTimeout(finish, run.timeoutMs + 1000);
        };
        t0 = clock.monotonic();
        tick();
    });
}

;// CONCATENATED MODULE: ./src/checks/load/open-run.ts











/** The mean target rate of a plan, per second: what it means to start ÷ its length. */
const meanRate = (p) => {
    const ms = (0,open_schedule/* planMs */.ge)(p);
    // Six significant digits: a per-minute rate (1/m is 0.0166667/s) is not rounded away.
    return ms > 0 ? Number((((0,open_schedule/* expectedPerStage */.iF)(p).reduce((a, b) => a + b, 0) / ms) * 1000).toPrecision(6)) : 0;
};
async function runOpenLoad(load, target, clock, now, http) {
    const requests = loadRequestsOf(load);
    const n = requests.length;
    const plan = (0,schema/* openPlanOf */.L4)(load);
    const maxInFlight = load['max-in-flight'] ?? schema/* DEFAULT_MAX_IN_FLIGHT */.A2;
    const runs = requests.map((r, i) => {
        const headers = (0,http_target/* headerValues */.UE)(target.headers, r.headers);
        const inFlight = Math.max(1, (0,shard_spec/* share */.uM)(maxInFlight, n, i));
        return {
            url: (0,http_target.joinUrl)(target.baseUrl, r.path),
            method: r.method,
            headers,
            body: (0,http_target/* encodeBody */.FT)(r.body, headers),
            // The rate is split exactly: the requests' shares add up to the configured rate in every stage.
            plan: (0,open_schedule/* splitPlan */.cd)(plan, n, i),
            maxInFlight: inFlight,
            connections: inFlight,
            timeoutMs: load.timeout,
            expectBodyContains: r['expect-body-contains'],
            ...(target.tls ? { tls: target.tls } : {}),
        };
    });
    const shape = {
        connections: maxInFlight,
        durationMs: (0,open_schedule/* planMs */.ge)(plan),
        warmupMs: load.warmup,
        model: 'open',
        maxInFlight,
    };
    const live = runs.map((r) => !(0,open_schedule/* planIsIdle */.WG)(r.plan));
    const idleReason = 'sends nothing: the schedule is dealt round-robin over its slices (requests, workers, shards) and starts fewer requests than there are slices; together they start it exactly';
    const idleNotes = requests.flatMap((r, i) => (live[i] ? [] : [`load: ${r.name} ${idleReason}`]));
    const measured = (i, c, startedAt) => {
        const r = runs[i];
        const counts = c ?? { ...(0,scale_counters/* zeroCounters */.QQ)(), dropped: 0, elapsedMs: 0, stages: [] };
        const h = hists[i];
        return openResult(toResult(requests[i].name, r, counts, h, startedAt, true, failedHists[i], live[i] ? undefined : idleReason), r.plan, counts);
    };
    const hists = runs.map(() => (0,histogram/* createHistogram */.v5)());
    const failedHists = runs.map(() => (0,histogram/* createHistogram */.v5)());
    if (!live.some(Boolean)) {
        const results = runs.map((_, i) => measured(i, undefined, now().toISOString()));
        return { ...shape, requests: results, overall: { ...results[0], name: 'all' }, notes: idleNotes };
    }
    // One plain request first: a target that cannot be reached is reported at once, not scheduled at.
    if (http) {
        const unreachable = await preflight(load, runs.filter((_, i) => live[i]), requests.filter((_, i) => live[i]), http, now);
        if (unreachable)
            return { ...unreachable, ...shape };
    }
    // `auto` never splits max-in-flight below one slot per request per worker (the config refuses that for a number).
    const workers = load.workers === 'auto' ? Math.max(1, Math.min(8, (0,external_node_os_.availableParallelism)(), Math.floor(maxInFlight / n))) : load.workers;
    if (workers > 1)
        return runWithWorkers(load, target, workers, (slice) => runOpenLoad(slice, target, clock, now));
    if (load.warmup > 0) {
        // The warm-up holds the starting rate (the first stage's target when the ramp starts at 0).
        await Promise.all(runs.filter((_, i) => live[i]).map((r) => {
            const rate = r.plan.start.count > 0 ? r.plan.start : r.plan.stages[0].target;
            return runOpen({ ...r, plan: { start: rate, stages: [{ durationMs: load.warmup, target: rate }] } }, clock, (0,histogram/* createHistogram */.v5)());
        }));
    }
    const startedAt = now().toISOString();
    const counters = await Promise.all(runs.map((r, i) => (live[i] ? runOpen(r, clock, hists[i], failedHists[i]) : Promise.resolve(undefined))));
    const results = counters.map((c, i) => measured(i, c, startedAt));
    let overall = { ...results[0], name: 'all' };
    if (n > 1) {
        const ran = counters.filter((c) => c !== undefined);
        const total = { ...(0,scale_counters/* addCounters */.Zy)(ran), elapsedMs: Math.max(...ran.map((c) => c.elapsedMs)) };
        const all = toResult('all', { ...runs[0], method: 'MIXED', connections: maxInFlight }, total, (0,histogram/* mergeHistograms */.Q7)(hists), startedAt, true, (0,histogram/* mergeHistograms */.Q7)(failedHists));
        const lag = (0,stages/* worstLag */.K)(results);
        overall = { ...all, model: 'open', targetRate: meanRate(plan), dropped: total.dropped ?? 0, ...stagesOf((0,stages/* mergeStages */.U)(results.map((r) => r.stages))), ...(lag ? { sendLagMs: lag } : {}) };
    }
    return { ...shape, requests: results, overall, ...(idleNotes.length ? { notes: idleNotes } : {}) };
}
const stagesOf = (stages) => (stages ? { stages } : {});
/** A request's result with the open model's fields: its target rate, dropped requests and stages. */
function openResult(r, plan, c) {
    const expected = (0,open_schedule/* expectedPerStage */.iF)(plan);
    let from = (0,open_schedule/* perSecond */.Ed)(plan.start);
    const stages = plan.stages.map((s, i) => {
        const m = c.stages[i];
        const h = m?.hist ?? (0,histogram/* createHistogram */.v5)();
        const requests = m?.requests ?? 0;
        const stageFrom = from;
        from = (0,open_schedule/* perSecond */.Ed)(s.target);
        return {
            from: stageFrom,
            target: (0,open_schedule/* perSecond */.Ed)(s.target),
            durationMs: s.durationMs,
            expected: Math.round(expected[i] * 1000) / 1000,
            requests,
            dropped: m?.dropped ?? 0,
            achievedRate: Number(((requests / s.durationMs) * 1000).toPrecision(6)),
            histogram: (0,histogram/* encodeHistogram */.ll)(h),
            latencyMs: (0,histogram/* summarize */.eh)(h),
        };
    });
    return { ...r, model: 'open', targetRate: meanRate(plan), dropped: c.dropped, stages, ...(c.sendLagMs ? { sendLagMs: c.sendLagMs } : {}) };
}

;// CONCATENATED MODULE: ./src/checks/load/run.ts










/** The requests a load config sends: its `requests`, or one GET of the target URL. */
function loadRequestsOf(load) {
    return load.requests ?? [{ name: 'target', path: '', method: 'GET' }];
}
/** Runs the configured load: an optional warm-up, then every request concurrently with its share of connections and rate. */
async function runLoad(load, target, clock, now, http) {
    if ((0,schema/* isOpenModel */.A)(load))
        return runOpenLoad(load, target, clock, now, http);
    const requests = loadRequestsOf(load);
    const n = requests.length;
    const runs = requests.map((r, i) => {
        const headers = (0,http_target/* headerValues */.UE)(target.headers, r.headers);
        const body = (0,http_target/* encodeBody */.FT)(r.body, headers);
        return {
            url: (0,http_target.joinUrl)(target.baseUrl, r.path),
            method: r.method,
            headers,
            body,
            connections: Math.max(1, (0,shard_spec/* share */.uM)(load.connections, n, i)),
            durationMs: load.duration,
            // No floor: the sum of the slices never exceeds the configured cap; a slice of 0 sends nothing.
            amount: load.amount !== undefined ? (0,shard_spec/* share */.uM)(load.amount, n, i) : undefined,
            rate: load.rate !== undefined ? (0,shard_spec/* share */.uM)(load.rate, n, i) : undefined,
            timeoutMs: load.timeout,
            expectBodyContains: r['expect-body-contains'],
        };
    });
    const live = runs.map((r) => r.amount !== 0 && r.rate !== 0);
    const idleReason = (r) => `sends nothing: its share of the ${r.rate === 0 ? `rate (${load.rate}/s)` : `amount (${load.amount})`} is 0, because the cap is split into more slices than it has requests; the sum of the slices never exceeds the cap`;
    const idleNotes = runs.flatMap((r, i) => (live[i] ? [] : [`load: ${requests[i].name} ${idleReason(r)}`]));
    const fromIntended = load.rate !== undefined;
    if (!live.some(Boolean)) {
        const startedAt = now().toISOString();
        const results = runs.map((r, i) => toResult(requests[i].name, r, { ...(0,scale_counters/* zeroCounters */.QQ)(), elapsedMs: 0 }, (0,histogram/* createHistogram */.v5)(), startedAt, fromIntended, undefined, idleReason(r)));
        return { ...shape(load), requests: results, overall: { ...results[0], name: 'all' }, notes: idleNotes };
    }
    // One plain request first: a target that cannot be reached is reported at once, not hammered for
    // the whole duration. The caps count it: with `amount` there is none (the amount itself bounds
    // what a dead target receives), and under `rate` the load starts one interval after it, so no
    // second ever holds more than the rate.
    if (http && load.amount === undefined) {
        const unreachable = await preflight(load, runs.filter((_, i) => live[i]), requests.filter((_, i) => live[i]), http, now);
        if (unreachable)
            return unreachable;
        const slowest = Math.min(...runs.filter((_, i) => live[i]).map((r) => r.rate ?? Infinity));
        if (Number.isFinite(slowest))
            await new Promise((r) => setTimeout(r, Math.ceil(1000 / slowest)));
    }
    const workers = load.workers === 'auto' ? Math.min(8, (0,external_node_os_.availableParallelism)()) : load.workers;
    if (workers > 1)
        return runWithWorkers(load, target, workers, (slice) => runLoad(slice, target, clock, now));
    if (load.warmup > 0) {
        // The warm-up keeps the caps: the rate, and with `amount` at most as many requests again.
        await Promise.all(runs.filter((_, i) => live[i]).map((r) => runOne({ ...r, durationMs: load.warmup }, clock, undefined)));
    }
    const startedAt = now().toISOString();
    const hists = runs.map(() => (0,histogram/* createHistogram */.v5)());
    const failedHists = runs.map(() => (0,histogram/* createHistogram */.v5)());
    const counters = await Promise.all(runs.map((r, i) => (live[i] ? runOne(r, clock, hists[i], failedHists[i]) : Promise.resolve({ ...(0,scale_counters/* zeroCounters */.QQ)(), elapsedMs: 0 }))));
    const results = counters.map((c, i) => toResult(requests[i].name, runs[i], c, hists[i], startedAt, fromIntended, failedHists[i], live[i] ? undefined : idleReason(runs[i])));
    const all = (0,histogram/* mergeHistograms */.Q7)(hists);
    const overallElapsed = Math.max(...counters.map((c) => c.elapsedMs));
    const total = { ...(0,scale_counters/* addCounters */.Zy)(counters), elapsedMs: overallElapsed };
    const overall = toResult('all', { ...runs[0], method: n === 1 ? runs[0].method : 'MIXED', connections: load.connections }, total, all, startedAt, fromIntended, (0,histogram/* mergeHistograms */.Q7)(failedHists));
    return {
        ...shape(load),
        requests: results,
        overall: n === 1 ? { ...results[0], name: 'all' } : overall,
        ...(idleNotes.length ? { notes: idleNotes } : {}),
    };
}
function shape(load) {
    return {
        connections: load.connections,
        durationMs: load.duration,
        warmupMs: load.warmup,
        ...(load.amount !== undefined ? { amount: load.amount } : {}),
        ...(load.rate !== undefined ? { rate: load.rate } : {}),
    };
}
/**
 * One plain request before the load, tried twice: a target that cannot be reached is reported at
 * once rather than hammered, and one reset on the way is not an outage. The load replays this
 * request thousands of times anyway, so it is retried whatever its method.
 */
async function preflight(load, runs, requests, http, now) {
    const first = runs[0];
    const { outcome: pre, attempts } = await (0,retry/* sendWithRetry */.lx)(http, { url: first.url, method: first.method, headers: first.headers, body: first.body, timeoutMs: load.timeout, maxBodyBytes: 64 * 1024 }, { retries: 1, delayMs: 250, idempotent: true });
    if (pre.kind !== 'error' || pre.class === 'status' || pre.class === 'body')
        return undefined;
    const startedAt = now().toISOString();
    const firstError = { class: pre.class, message: `${pre.message}${attempts > 1 ? ` (${attempts} attempts)` : ''}` };
    const dead = (r, name) => toResult(name, r, { ...(0,scale_counters/* zeroCounters */.QQ)(), socketErrors: attempts, firstError, elapsedMs: pre.latencyMs }, (0,histogram/* createHistogram */.v5)(), startedAt, false);
    const results = runs.map((r, i) => dead(r, requests[i].name));
    return { ...shape(load), requests: results, overall: { ...results[0], name: 'all' } };
}
/** One request's (or all requests') counters and histograms as its result; `idle` says why a slice sent nothing. */
function toResult(name, run, c, h, startedAt, fromIntended, failed, idle) {
    const requests = (0,scale_counters/* requestsOf */.uD)(c);
    return {
        name,
        method: run.method,
        url: run.url,
        connections: run.connections,
        startedAt,
        elapsedMs: Math.round(c.elapsedMs),
        requests,
        responses: c.responses,
        non2xx: c.non2xx,
        socketErrors: c.socketErrors,
        timeouts: c.timeouts,
        mismatches: c.mismatches,
        statusCodes: c.statusCodes,
        // A mismatch is counted only for a 2xx reply (a non-2xx is already a failure): never above 100 %.
        errorRate: (0,scale_counters/* errorRate */.zi)((0,scale_counters/* failedOf */.ZA)(c), requests, idle !== undefined),
        requestsPerSecond: (0,scale_counters/* requestsPerSecond */.EY)(c.responses, c.elapsedMs),
        latencyMs: (0,histogram/* summarize */.eh)(h),
        histogram: (0,histogram/* encodeHistogram */.ll)(h),
        ...(0,histogram/* failedLatencyOf */.NH)(failed),
        ...(c.firstError ? { firstError: c.firstError } : {}),
        ...(fromIntended ? { latencyFrom: 'intended' } : {}),
        ...(idle !== undefined ? { idle } : {}),
    };
}


/***/ })

};
