export const id = 953;
export const ids = [953,346];
export const modules = {

/***/ 88953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runLoad: () => (/* binding */ runLoad)
/* harmony export */ });
/* unused harmony exports loadRequestsOf, LOAD_MAX_BODY_BYTES, workerPath */
/* harmony import */ var autocannon__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88174);
/* harmony import */ var autocannon__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(autocannon__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _core_shards_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(18346);
/* harmony import */ var _core_shard_spec_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(25711);
/* harmony import */ var _core_histogram_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(80365);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(84501);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(31786);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(11572);












/** The requests a load config sends: its `requests`, or one GET of the target URL. */
function loadRequestsOf(load) {
    return load.requests ?? [{ name: 'target', path: '', method: 'GET' }];
}
const zeroCounters = () => ({ responses: 0, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: {} });
/**
 * One autocannon instance, in process. Every response's latency goes into an HDR histogram in
 * microseconds: a successful one (2xx, body as expected) into `hist`, a failed one into
 * `failedHist`, because a fast 503 is not latency. Errors are counted by kind. A hard deadline stops it even if the target never answers.
 */
function runOne(run, clock, hist, failedHist) {
    return new Promise((resolve, reject) => {
        const c = zeroCounters();
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
                (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .recordMs */ .mw)(h, reply.ms);
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
        const instance = autocannon__WEBPACK_IMPORTED_MODULE_0___default()({
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
                const { cls, message } = (0,_http_js__WEBPACK_IMPORTED_MODULE_9__/* .classify */ .L8)(err, err.message === 'request timed out', run.timeoutMs);
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
/** Runs the configured load: an optional warm-up, then every request concurrently with its share of connections and rate. */
async function runLoad(load, target, clock, now, http) {
    const requests = loadRequestsOf(load);
    const n = requests.length;
    const runs = requests.map((r, i) => {
        const headers = (0,_target_js__WEBPACK_IMPORTED_MODULE_11__/* .headerValues */ .UE)(target.headers, r.headers);
        const body = (0,_target_js__WEBPACK_IMPORTED_MODULE_11__/* .encodeBody */ .FT)(r.body, headers);
        return {
            url: (0,_target_js__WEBPACK_IMPORTED_MODULE_11__.joinUrl)(target.baseUrl, r.path),
            method: r.method,
            headers,
            body,
            connections: Math.max(1, (0,_core_shard_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .share */ .b)(load.connections, n, i)),
            durationMs: load.duration,
            // No floor: the sum of the slices never exceeds the configured cap; a slice of 0 sends nothing.
            amount: load.amount !== undefined ? (0,_core_shard_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .share */ .b)(load.amount, n, i) : undefined,
            rate: load.rate !== undefined ? (0,_core_shard_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .share */ .b)(load.rate, n, i) : undefined,
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
        const results = runs.map((r, i) => ({ ...toResult(requests[i].name, r, { ...zeroCounters(), elapsedMs: 0 }, (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .createHistogram */ .v5)(), startedAt, fromIntended), errorRate: 0, idle: idleReason(r) }));
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
    const workers = load.workers === 'auto' ? Math.min(8, (0,node_os__WEBPACK_IMPORTED_MODULE_3__.availableParallelism)()) : load.workers;
    if (workers > 1)
        return runWithWorkers(load, target, workers, clock, now);
    if (load.warmup > 0) {
        // The warm-up keeps the caps: the rate, and with `amount` at most as many requests again.
        await Promise.all(runs.filter((_, i) => live[i]).map((r) => runOne({ ...r, durationMs: load.warmup }, clock, undefined)));
    }
    const startedAt = now().toISOString();
    const hists = runs.map(() => (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .createHistogram */ .v5)());
    const failedHists = runs.map(() => (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .createHistogram */ .v5)());
    const counters = await Promise.all(runs.map((r, i) => (live[i] ? runOne(r, clock, hists[i], failedHists[i]) : Promise.resolve({ ...zeroCounters(), elapsedMs: 0 }))));
    const results = counters.map((c, i) => {
        const res = toResult(requests[i].name, runs[i], c, hists[i], startedAt, fromIntended, failedHists[i]);
        return live[i] ? res : { ...res, errorRate: 0, idle: idleReason(runs[i]) };
    });
    const all = (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .mergeHistograms */ .Q7)(hists);
    const overallElapsed = Math.max(...counters.map((c) => c.elapsedMs));
    const total = counters.reduce((a, c) => ({
        responses: a.responses + c.responses,
        non2xx: a.non2xx + c.non2xx,
        socketErrors: a.socketErrors + c.socketErrors,
        timeouts: a.timeouts + c.timeouts,
        mismatches: a.mismatches + c.mismatches,
        statusCodes: mergeCounts(a.statusCodes, c.statusCodes),
        firstError: a.firstError ?? c.firstError,
        elapsedMs: overallElapsed,
    }), { ...zeroCounters(), elapsedMs: overallElapsed });
    const overall = toResult('all', { ...runs[0], method: n === 1 ? runs[0].method : 'MIXED', connections: load.connections }, total, all, startedAt, fromIntended, (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .mergeHistograms */ .Q7)(failedHists));
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
    const { outcome: pre, attempts } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .sendWithRetry */ .lx)(http, { url: first.url, method: first.method, headers: first.headers, body: first.body, timeoutMs: load.timeout, maxBodyBytes: 64 * 1024 }, { retries: 1, delayMs: 250, idempotent: true });
    if (pre.kind !== 'error' || pre.class === 'status' || pre.class === 'body')
        return undefined;
    const startedAt = now().toISOString();
    const firstError = { class: pre.class, message: `${pre.message}${attempts > 1 ? ` (${attempts} attempts)` : ''}` };
    const dead = (r, name) => toResult(name, r, { ...zeroCounters(), socketErrors: attempts, firstError, elapsedMs: pre.latencyMs }, (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .createHistogram */ .v5)(), startedAt, false);
    const results = runs.map((r, i) => dead(r, requests[i].name));
    return { ...shape(load), requests: results, overall: { ...results[0], name: 'all' } };
}
/** Where the bundled worker lives: dist/load-worker/index.js, found from this module's own place. */
function workerPath() {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_5__.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 5; i++) {
        for (const candidate of [(0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'load-worker', 'index.js'), (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'dist', 'load-worker', 'index.js')]) {
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(candidate))
                return candidate;
        }
        dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(dir);
    }
    throw new Error('the load worker (dist/load-worker/index.js) is missing: run `npm run build`');
}
/**
 * Several load generator processes on one runner, so more CPUs generate more load. Each worker
 * runs its share as a shard; the parent merges them exactly, like a merge run merges a matrix.
 */
async function runWithWorkers(load, target, workers, clock, now) {
    const single = { ...load, workers: 1 };
    const path = workerPath();
    const hash = (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__.configHash)('workers', load);
    const children = new Set();
    const stopAll = () => {
        for (const c of children)
            if (c.exitCode === null && c.signalCode === null)
                c.kill();
    };
    try {
        const parts = await Promise.all(Array.from({ length: workers }, (_, i) => {
            const spec = { index: i + 1, count: workers };
            const slice = (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__.shardLoad)(single, spec);
            // A slice whose share of the rate or amount is 0 sends nothing: no process for it.
            if (slice.rate === 0 || slice.amount === 0) {
                return runLoad(slice, target, clock, now).then((r) => ({ result: (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__.toShardResult)(r, spec, 'workers', hash), source: `worker ${spec.index}` }));
            }
            return new Promise((resolve, reject) => {
                const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_1__.fork)(path, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LAUNCHGUARD_LOAD_WORKER: '1' } });
                children.add(child);
                let done = false;
                child.once('message', (msg) => {
                    done = true;
                    if (msg.ok && msg.result)
                        resolve({ result: (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__.toShardResult)(msg.result, spec, 'workers', hash), source: `worker ${spec.index}` });
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
        const merged = (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__.mergeShards)(parts);
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
function mergeCounts(a, b) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b))
        out[k] = (out[k] ?? 0) + v;
    return out;
}
function toResult(name, run, c, h, startedAt, fromIntended, failed) {
    // A mismatch is counted only for a 2xx reply (a non-2xx is already a failure): never above 100 %.
    const errors = c.non2xx + c.socketErrors + c.timeouts + c.mismatches;
    const requests = c.responses + c.socketErrors + c.timeouts;
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
        errorRate: requests === 0 ? 1 : Math.min(1, errors / requests),
        requestsPerSecond: c.elapsedMs > 0 ? Math.round((c.responses / c.elapsedMs) * 1000 * 10) / 10 : 0,
        latencyMs: (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .summarize */ .eh)(h),
        histogram: (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .encodeHistogram */ .ll)(h),
        ...(failed && failed.totalCount > 0 ? { failedLatencyMs: (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .summarize */ .eh)(failed), failedHistogram: (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .encodeHistogram */ .ll)(failed) } : {}),
        ...(c.firstError ? { firstError: c.firstError } : {}),
        ...(fromIntended ? { latencyFrom: 'intended' } : {}),
    };
}


/***/ }),

/***/ 80365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q7: () => (/* binding */ mergeHistograms),
/* harmony export */   eh: () => (/* binding */ summarize),
/* harmony export */   ll: () => (/* binding */ encodeHistogram),
/* harmony export */   mw: () => (/* binding */ recordMs),
/* harmony export */   pr: () => (/* binding */ decodeHistogram),
/* harmony export */   v5: () => (/* binding */ createHistogram)
/* harmony export */ });
/* harmony import */ var hdr_histogram_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32960);

function createHistogram() {
    return hdr_histogram_js__WEBPACK_IMPORTED_MODULE_0__.build({
        bitBucketSize: 32,
        autoResize: true,
        lowestDiscernibleValue: 1,
        highestTrackableValue: 2,
        numberOfSignificantValueDigits: 3,
        useWebAssembly: false,
    });
}
/** Records one latency given in (fractional) milliseconds. */
function recordMs(h, ms) {
    h.recordValue(Math.max(1, Math.round(ms * 1000)));
}
const ms3 = (us) => Math.round(us) / 1000;
/**
 * Percentiles in milliseconds. HDR reports a percentile as the top of its bucket, which can lie
 * above the largest value recorded: each is clamped to the recorded max, so p99 never reads above max.
 */
function summarize(h) {
    if (h.totalCount === 0)
        return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
    const max = h.maxValue;
    const at = (p) => ms3(Math.min(h.getValueAtPercentile(p), max));
    return {
        count: h.totalCount,
        min: ms3(h.minNonZeroValue),
        mean: ms3(Math.min(h.mean, max)),
        p50: at(50),
        p90: at(90),
        p95: at(95),
        p99: at(99),
        max: ms3(max),
    };
}
function encodeHistogram(h) {
    return hdr_histogram_js__WEBPACK_IMPORTED_MODULE_0__.encodeIntoCompressedBase64(h);
}
/** Decodes an encoded histogram; throws a plain Error naming what was wrong. */
function decodeHistogram(encoded) {
    try {
        const h = hdr_histogram_js__WEBPACK_IMPORTED_MODULE_0__.decodeFromCompressedBase64(encoded, 32, false);
        return h;
    }
    catch (err) {
        throw new Error(`not a valid encoded histogram (${err.message})`);
    }
}
function mergeHistograms(list) {
    const out = createHistogram();
    for (const h of list)
        out.add(h);
    return out;
}


/***/ }),

/***/ 18346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SHARD_SCHEMA: () => (/* binding */ SHARD_SCHEMA),
/* harmony export */   configHash: () => (/* binding */ configHash),
/* harmony export */   mergeShards: () => (/* binding */ mergeShards),
/* harmony export */   parseShard: () => (/* reexport safe */ _shard_spec_js__WEBPACK_IMPORTED_MODULE_4__.u),
/* harmony export */   parseShardResult: () => (/* binding */ parseShardResult),
/* harmony export */   shardLoad: () => (/* binding */ shardLoad),
/* harmony export */   shardResultSchema: () => (/* binding */ shardResultSchema),
/* harmony export */   toShardResult: () => (/* binding */ toShardResult),
/* harmony export */   unionMs: () => (/* binding */ unionMs)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9691);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37827);
/* harmony import */ var _histogram_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80365);
/* harmony import */ var _shard_spec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(25711);




/**
 * Load split across a job matrix: each shard run measures 1/N of the load and hands on its exact
 * HDR histogram and counters; a merge run combines them, so percentiles are those of all requests.
 */
const SHARD_SCHEMA = 'launchguard.shard/v1';
const requestSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    method: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    url: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    connections: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    startedAt: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    elapsedMs: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    requests: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    responses: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    non2xx: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    socketErrors: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    timeouts: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    mismatches: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    statusCodes: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig()),
    histogram: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    /** The failed responses' latencies; `histogram` holds the successful ones. */
    failedHistogram: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
    firstError: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ class: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['dns', 'refused', 'reset', 'timeout', 'tls', 'redirect', 'status', 'body', 'latency']), message: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() }).optional(),
    latencyFrom: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['sent', 'intended']).optional(),
    idle: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
});
const shardResultSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    schema: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(SHARD_SCHEMA),
    shard: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ index: zod__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr().min(1), count: zod__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr().min(1) }),
    environment: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    /** The load config the shard ran, hashed: shards of different configs must not merge. */
    configHash: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    requests: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(requestSchema).min(1),
});


/**
 * This shard's slice of the load: its share of connections, rate and amount. Rate and amount are
 * caps, so the slices never sum to more than the configured value: a slice may get 0 of them, and
 * then it sends nothing (and says so). Connections keep a floor of 1.
 */
function shardLoad(load, s) {
    const part = (total) => (0,_shard_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .share */ .b)(total, s.count, s.index - 1);
    return {
        ...load,
        connections: Math.max(1, part(load.connections)),
        ...(load.rate !== undefined ? { rate: part(load.rate) } : {}),
        ...(load.amount !== undefined ? { amount: part(load.amount) } : {}),
    };
}
function configHash(environment, load) {
    const { requests, connections, duration, amount, rate, warmup, timeout } = load;
    const canonical = JSON.stringify({ environment, requests: requests ?? null, connections, duration, amount: amount ?? null, rate: rate ?? null, warmup, timeout });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical).digest('hex').slice(0, 16);
}
function toShardResult(load, shard, environment, hash) {
    return {
        schema: SHARD_SCHEMA,
        shard,
        environment,
        configHash: hash,
        requests: load.requests.map((r) => ({
            name: r.name, method: r.method, url: r.url, connections: r.connections, startedAt: r.startedAt, elapsedMs: r.elapsedMs,
            requests: r.requests, responses: r.responses, non2xx: r.non2xx, socketErrors: r.socketErrors, timeouts: r.timeouts, mismatches: r.mismatches,
            statusCodes: { ...r.statusCodes }, histogram: r.histogram, ...(r.failedHistogram ? { failedHistogram: r.failedHistogram } : {}), ...(r.firstError ? { firstError: r.firstError } : {}),
            ...(r.latencyFrom ? { latencyFrom: r.latencyFrom } : {}), ...(r.idle ? { idle: r.idle } : {}),
        })),
    };
}
/** Reads one shard result from JSON text (a step output or a report's `shard` field); errors name the source. */
function parseShardResult(text, source) {
    let raw = text;
    if (typeof text === 'string') {
        try {
            raw = JSON.parse(text);
        }
        catch {
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`shards: ${source} is not valid JSON`);
        }
    }
    if (raw && typeof raw === 'object' && 'shard' in raw && raw.schema === 'launchguard.report/v1') {
        raw = raw.shard; // a whole report file: take its shard result
    }
    const parsed = shardResultSchema.safeParse(raw);
    if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`shards: ${source} is not a launchguard shard result (${i.path.join('.') || 'top level'}: ${i.message})`);
    }
    return parsed.data;
}
/** Total length of the union of [start, start + elapsed] windows, in ms: the time the shards together ran. */
function unionMs(windows) {
    const sorted = [...windows].sort((a, b) => a.start - b.start);
    let total = 0;
    let curStart = -Infinity;
    let curEnd = -Infinity;
    for (const w of sorted) {
        if (w.start > curEnd) {
            if (curEnd > curStart)
                total += curEnd - curStart;
            curStart = w.start;
            curEnd = w.end;
        }
        else
            curEnd = Math.max(curEnd, w.end);
    }
    if (curEnd > curStart)
        total += curEnd - curStart;
    return total;
}
/**
 * Checks the set (every shard 1..N exactly once, one config, each shard's numbers consistent) and
 * merges it: histograms exactly, counters summed, throughput over the union of the shards' time
 * windows. Every error names the shard.
 */
function mergeShards(list, expect) {
    if (list.length === 0)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('shards: no shard results were given');
    const count = list[0].result.shard.count;
    const seen = new Map();
    for (const { result, source } of list) {
        const at = `shards: ${source} (shard ${result.shard.index}/${result.shard.count})`;
        if (result.shard.index > result.shard.count) {
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${at}: the index ${result.shard.index} is outside 1..${result.shard.count}`);
        }
        for (const r of result.requests) {
            if (!Number.isFinite(Date.parse(r.startedAt))) {
                throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${at}: request "${r.name}" has a start time that is not a timestamp: ${JSON.stringify(r.startedAt.slice(0, 40))}`);
            }
            if (r.responses > r.requests) {
                throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${at}: request "${r.name}" counts ${r.responses} responses but only ${r.requests} requests`);
            }
            let h;
            try {
                h = (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeHistogram */ .pr)(r.histogram);
            }
            catch (err) {
                throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${at}: the histogram of request "${r.name}" is corrupt: ${err.message}`);
            }
            let failed = 0;
            if (r.failedHistogram !== undefined) {
                try {
                    failed = (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeHistogram */ .pr)(r.failedHistogram).totalCount;
                }
                catch (err) {
                    throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${at}: the failed responses' histogram of request "${r.name}" is corrupt: ${err.message}`);
                }
            }
            if (h.totalCount + failed !== r.responses) {
                throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${at}: the histograms of request "${r.name}" hold ${h.totalCount + failed} latencies, but the counters say ${r.responses} responses`);
            }
        }
        if (expect && result.configHash !== expect.configHash) {
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${at}: ran a different load config or environment than this merge run's own; run every shard and the merge from the same config`);
        }
        if (expect?.urls) {
            for (const r of result.requests) {
                const want = expect.urls.get(r.name);
                if (want !== undefined && want !== r.url) {
                    throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${at}: request "${r.name}" went to ${r.url}, but this merge run's target gives ${want}; give every shard and the merge the same target-url`);
                }
            }
        }
        if (result.shard.count !== count) {
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`shards: ${source} is shard ${result.shard.index}/${result.shard.count}, but ${list[0].source} says there are ${count} shards`);
        }
        const dup = seen.get(result.shard.index);
        if (dup)
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`shards: shard ${result.shard.index}/${count} appears twice (${dup} and ${source})`);
        seen.set(result.shard.index, source);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`shards: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`);
    const ref = list[0];
    for (const { result, source } of list) {
        if (result.configHash !== ref.result.configHash || result.environment !== ref.result.environment) {
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`shards: ${source} (shard ${result.shard.index}/${count}) ran a different load config or environment than ${ref.source} (shard ${ref.result.shard.index}/${count}); run every shard from the same config`);
        }
    }
    const notes = [];
    const windows = list
        .map(({ result }) => {
        const active = result.requests.filter((r) => r.requests > 0);
        if (active.length === 0)
            return undefined;
        const start = Math.min(...active.map((r) => Date.parse(r.startedAt)));
        return { index: result.shard.index, start, end: Math.max(...active.map((r) => Date.parse(r.startedAt) + r.elapsedMs)) };
    })
        .filter((w) => w !== undefined)
        .sort((a, b) => a.start - b.start);
    let reach = -Infinity;
    const apart = [];
    for (const [i, w] of windows.entries()) {
        if (i > 0 && w.start >= reach)
            apart.push(`shard ${w.index}/${count} started ${new Date(w.start).toISOString()}, after the shards before it ended`);
        reach = Math.max(reach, w.end);
    }
    if (apart.length) {
        notes.push(`shards: not concurrent: the load was sequential (${apart.join('; ')}); each shard's target saw only its own share, and throughput is over the union of the windows`);
    }
    const idle = list.filter(({ result }) => result.requests.every((r) => r.idle)).map(({ result }) => `${result.shard.index}/${count}`);
    if (idle.length)
        notes.push(`shards: shard${idle.length > 1 ? 's' : ''} ${idle.join(', ')} sent nothing (their share of the rate or amount is 0)`);
    const names = ref.result.requests.map((r) => r.name);
    const merged = names.map((name) => {
        const parts = list.map(({ result, source }) => {
            const r = result.requests.find((x) => x.name === name);
            if (!r)
                throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`shards: ${source} has no request named "${name}"`);
            let h;
            try {
                h = (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeHistogram */ .pr)(r.histogram);
            }
            catch (err) {
                throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`shards: the histogram of request "${name}" in ${source} (shard ${result.shard.index}/${count}) is corrupt: ${err.message}`);
            }
            // Checked above: a corrupt failed histogram never gets this far.
            return { r, h, ...(r.failedHistogram ? { f: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeHistogram */ .pr)(r.failedHistogram) } : {}) };
        });
        return combine(name, parts);
    });
    const all = combine('all', merged.map((r) => ({ r, h: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeHistogram */ .pr)(r.histogram), ...(r.failedHistogram ? { f: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeHistogram */ .pr)(r.failedHistogram) } : {}) })));
    const connections = all.connections;
    return {
        environment: ref.result.environment,
        notes,
        load: { connections, durationMs: Math.max(...merged.map((m) => m.elapsedMs)), warmupMs: 0, requests: merged, overall: merged.length === 1 ? { ...merged[0], name: 'all' } : all },
    };
}
function combine(name, parts) {
    const sum = (f) => parts.reduce((a, p) => a + f(p.r), 0);
    const h = (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeHistograms */ .Q7)(parts.map((p) => p.h));
    const failed = (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeHistograms */ .Q7)(parts.flatMap((p) => (p.f ? [p.f] : [])));
    const codes = {};
    for (const { r } of parts)
        for (const [k, v] of Object.entries(r.statusCodes))
            codes[k] = (codes[k] ?? 0) + v;
    // A slice that sent nothing has no window: it must not stretch the span.
    const active = parts.filter(({ r }) => r.requests > 0);
    const windows = (active.length ? active : parts).map(({ r }) => ({ start: Date.parse(r.startedAt), end: Date.parse(r.startedAt) + r.elapsedMs }));
    const span = unionMs(windows);
    const requests = sum((r) => r.requests);
    const responses = sum((r) => r.responses);
    const errors = sum((r) => r.non2xx + r.socketErrors + r.timeouts + r.mismatches);
    const first = parts[0].r;
    const firstError = parts.find((p) => p.r.firstError)?.r.firstError;
    return {
        name,
        method: first.method,
        url: first.url,
        connections: sum((r) => r.connections),
        startedAt: new Date(Math.min(...windows.map((w) => w.start))).toISOString(),
        elapsedMs: Math.round(span),
        requests,
        responses,
        non2xx: sum((r) => r.non2xx),
        socketErrors: sum((r) => r.socketErrors),
        timeouts: sum((r) => r.timeouts),
        mismatches: sum((r) => r.mismatches),
        statusCodes: codes,
        errorRate: requests === 0 ? (parts.every(({ r }) => r.idle) ? 0 : 1) : Math.min(1, errors / requests),
        requestsPerSecond: span > 0 ? Math.round((responses / span) * 1000 * 10) / 10 : 0,
        latencyMs: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .summarize */ .eh)(h),
        histogram: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeHistogram */ .ll)(h),
        ...(failed.totalCount > 0 ? { failedLatencyMs: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .summarize */ .eh)(failed), failedHistogram: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeHistogram */ .ll)(failed) } : {}),
        ...(firstError ? { firstError } : {}),
        ...(parts.some(({ r }) => r.latencyFrom === 'intended') ? { latencyFrom: 'intended' } : {}),
        ...(parts.every(({ r }) => r.idle) ? { idle: parts[0].r.idle } : {}),
    };
}


/***/ })

};
