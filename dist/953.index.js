export const id = 953;
export const ids = [953];
export const modules = {

/***/ 88953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runLoad: () => (/* binding */ runLoad)
/* harmony export */ });
/* unused harmony exports loadRequestsOf, share, workerPath */
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
/* harmony import */ var _core_histogram_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(80365);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(84501);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(11572);










/** The requests a load config sends: its `requests`, or one GET of the target URL. */
function loadRequestsOf(load) {
    return load.requests ?? [{ name: 'target', path: '', method: 'GET' }];
}
/** Splits `total` into `parts` whole shares that differ by at most one. */
function share(total, parts, i) {
    return Math.floor(total / parts) + (i < total % parts ? 1 : 0);
}
/**
 * One autocannon instance, in process. Every response's latency goes into an HDR histogram in
 * microseconds; errors are counted by kind. A hard deadline stops it even if the target never answers.
 */
function runOne(run, clock, hist) {
    return new Promise((resolve, reject) => {
        const c = { responses: 0, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: {} };
        const started = clock.monotonic();
        let last = started;
        const contains = run.expectBodyContains;
        const instance = autocannon__WEBPACK_IMPORTED_MODULE_0___default()({
            url: run.url,
            method: run.method,
            headers: run.headers,
            body: run.body,
            connections: run.connections,
            duration: run.durationMs / 1000,
            ...(run.amount ? { amount: run.amount } : {}),
            ...(run.rate ? { overallRate: run.rate } : {}),
            timeout: Math.max(1, Math.ceil(run.timeoutMs / 1000)),
            ...(contains ? { verifyBody: (b) => String(b).includes(contains) } : {}),
            skipAggregateResult: true,
        }, (err) => {
            clearTimeout(deadline);
            if (err)
                reject(err);
            // autocannon ends on its one-second tick. An uncapped `amount` run really ended at its last
            // response; any other run spans until the tick (a rate cap sends in per-second bursts).
            else
                resolve({ ...c, elapsedMs: (run.amount && !run.rate && c.responses > 0 ? last : clock.monotonic()) - started });
        });
        // With `amount`, autocannon runs until that many responses arrive: `duration` bounds it in time.
        // Without, autocannon stops itself at `duration`; the deadline is a safety net.
        const deadline = setTimeout(() => instance.stop(), run.amount ? run.durationMs : run.durationMs + run.timeoutMs + 1000);
        instance.on('response', (_client, status, _bytes, ms) => {
            c.responses++;
            last = clock.monotonic();
            if (hist)
                (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_7__/* .recordMs */ .mw)(hist, ms);
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
                const { cls, message } = (0,_http_js__WEBPACK_IMPORTED_MODULE_8__/* .classify */ .L8)(err, err.message === 'request timed out', run.timeoutMs);
                c.firstError = { class: cls, message };
            }
        });
        instance.on('reqMismatch', () => c.mismatches++);
    });
}
/** Runs the configured load: an optional warm-up, then every request concurrently with its share of connections and rate. */
async function runLoad(load, target, clock, now, http) {
    const requests = loadRequestsOf(load);
    const n = requests.length;
    const runs = requests.map((r, i) => {
        const headers = (0,_target_js__WEBPACK_IMPORTED_MODULE_9__/* .headerValues */ .UE)(target.headers, r.headers);
        const body = (0,_target_js__WEBPACK_IMPORTED_MODULE_9__/* .encodeBody */ .FT)(r.body, headers);
        return {
            url: (0,_target_js__WEBPACK_IMPORTED_MODULE_9__/* .joinUrl */ .we)(target.baseUrl, r.path),
            method: r.method,
            headers,
            body,
            connections: Math.max(1, share(load.connections, n, i)),
            durationMs: load.duration,
            amount: load.amount ? Math.max(1, share(load.amount, n, i)) : undefined,
            rate: load.rate ? Math.max(1, share(load.rate, n, i)) : undefined,
            timeoutMs: load.timeout,
            expectBodyContains: r['expect-body-contains'],
        };
    });
    // One plain request first: a target that cannot be reached is reported at once, not hammered for the whole duration.
    const unreachable = http ? await preflight(load, runs, requests, http, now) : undefined;
    if (unreachable)
        return unreachable;
    const workers = load.workers === 'auto' ? Math.min(8, (0,node_os__WEBPACK_IMPORTED_MODULE_3__.availableParallelism)()) : load.workers;
    if (workers > 1)
        return runWithWorkers(load, target, workers);
    if (load.warmup > 0) {
        await Promise.all(runs.map((r) => runOne({ ...r, durationMs: load.warmup, amount: undefined }, clock, undefined)));
    }
    const startedAt = now().toISOString();
    const hists = runs.map(() => (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_7__/* .createHistogram */ .v5)());
    const counters = await Promise.all(runs.map((r, i) => runOne(r, clock, hists[i])));
    const results = counters.map((c, i) => toResult(requests[i].name, runs[i], c, hists[i], startedAt));
    const all = (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_7__/* .mergeHistograms */ .Q7)(hists);
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
    }), { responses: 0, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: {}, elapsedMs: overallElapsed });
    const overall = toResult('all', { ...runs[0], method: n === 1 ? runs[0].method : 'MIXED', connections: load.connections }, total, all, startedAt);
    return {
        connections: load.connections,
        durationMs: load.duration,
        warmupMs: load.warmup,
        ...(load.amount ? { amount: load.amount } : {}),
        ...(load.rate ? { rate: load.rate } : {}),
        requests: results,
        overall: n === 1 ? { ...results[0], name: 'all' } : overall,
    };
}
async function preflight(load, runs, requests, http, now) {
    const first = runs[0];
    const pre = await http.send({ url: first.url, method: first.method, headers: first.headers, body: first.body, timeoutMs: load.timeout, maxBodyBytes: 64 * 1024 });
    if (pre.kind !== 'error' || pre.class === 'status' || pre.class === 'body')
        return undefined;
    const startedAt = now().toISOString();
    const dead = (r, name) => toResult(name, r, { responses: 0, non2xx: 0, socketErrors: 1, timeouts: 0, mismatches: 0, statusCodes: {}, firstError: { class: pre.class, message: pre.message }, elapsedMs: pre.latencyMs }, (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_7__/* .createHistogram */ .v5)(), startedAt);
    const results = runs.map((r, i) => dead(r, requests[i].name));
    return { connections: load.connections, durationMs: load.duration, warmupMs: load.warmup, requests: results, overall: { ...results[0], name: 'all' } };
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
async function runWithWorkers(load, target, workers) {
    const single = { ...load, workers: 1 };
    const path = workerPath();
    const hash = (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__/* .configHash */ .r_)('workers', load);
    const parts = await Promise.all(Array.from({ length: workers }, (_, i) => {
        const spec = { index: i + 1, count: workers };
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_1__.fork)(path, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LAUNCHGUARD_LOAD_WORKER: '1' } });
            let done = false;
            child.once('message', (msg) => {
                done = true;
                if (msg.ok && msg.result)
                    resolve({ result: (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__/* .toShardResult */ .XL)(msg.result, spec, 'workers', hash), source: `worker ${spec.index}` });
                else
                    reject(new Error(`load worker ${spec.index} failed: ${msg.error ?? 'no result'}`));
            });
            child.once('exit', (code) => {
                if (!done)
                    reject(new Error(`load worker ${spec.index} exited with ${code} before sending its result`));
            });
            child.send({ load: (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__/* .shardLoad */ .Lk)(single, spec), target });
        });
    }));
    return (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__/* .mergeShards */ .Ox)(parts).load;
}
function mergeCounts(a, b) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b))
        out[k] = (out[k] ?? 0) + v;
    return out;
}
function toResult(name, run, c, h, startedAt) {
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
        errorRate: requests === 0 ? 1 : errors / requests,
        requestsPerSecond: c.elapsedMs > 0 ? Math.round((c.responses / c.elapsedMs) * 1000 * 10) / 10 : 0,
        latencyMs: (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_7__/* .summarize */ .eh)(h),
        histogram: (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_7__/* .encodeHistogram */ .ll)(h),
        ...(c.firstError ? { firstError: c.firstError } : {}),
    };
}


/***/ })

};
