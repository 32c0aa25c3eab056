export const id = 953;
export const ids = [953,346];
export const modules = {

/***/ 88953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runLoad: () => (/* binding */ runLoad)
/* harmony export */ });
/* unused harmony exports loadRequestsOf, workerPath */
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
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(11572);











/** The requests a load config sends: its `requests`, or one GET of the target URL. */
function loadRequestsOf(load) {
    return load.requests ?? [{ name: 'target', path: '', method: 'GET' }];
}
/**
 * One autocannon instance, in process. Every response's latency goes into an HDR histogram in
 * microseconds; errors are counted by kind. A hard deadline stops it even if the target never answers.
 */
function runOne(run, clock, hist) {
    return new Promise((resolve, reject) => {
        const c = { responses: 0, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: {} };
        const started = clock.monotonic();
        // Only an uncapped `amount` run ends at its last response; keep the clock off the hot path otherwise.
        const endsAtLastResponse = run.amount !== undefined && !run.rate;
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
                resolve({ ...c, elapsedMs: (endsAtLastResponse && c.responses > 0 ? last : clock.monotonic()) - started });
        });
        // With `amount`, autocannon runs until that many responses arrive: `duration` bounds it in time.
        // Without, autocannon stops itself at `duration`; the deadline is a safety net.
        const deadline = setTimeout(() => instance.stop(), run.amount ? run.durationMs : run.durationMs + run.timeoutMs + 1000);
        instance.on('response', (_client, status, _bytes, ms) => {
            c.responses++;
            if (endsAtLastResponse)
                last = clock.monotonic();
            if (hist)
                (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .recordMs */ .mw)(hist, ms);
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
        instance.on('reqMismatch', () => c.mismatches++);
    });
}
/** Runs the configured load: an optional warm-up, then every request concurrently with its share of connections and rate. */
async function runLoad(load, target, clock, now, http) {
    const requests = loadRequestsOf(load);
    const n = requests.length;
    const runs = requests.map((r, i) => {
        const headers = (0,_target_js__WEBPACK_IMPORTED_MODULE_10__/* .headerValues */ .UE)(target.headers, r.headers);
        const body = (0,_target_js__WEBPACK_IMPORTED_MODULE_10__/* .encodeBody */ .FT)(r.body, headers);
        return {
            url: (0,_target_js__WEBPACK_IMPORTED_MODULE_10__/* .joinUrl */ .we)(target.baseUrl, r.path),
            method: r.method,
            headers,
            body,
            connections: Math.max(1, (0,_core_shard_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .share */ .b)(load.connections, n, i)),
            durationMs: load.duration,
            amount: load.amount ? Math.max(1, (0,_core_shard_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .share */ .b)(load.amount, n, i)) : undefined,
            rate: load.rate ? Math.max(1, (0,_core_shard_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .share */ .b)(load.rate, n, i)) : undefined,
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
    const hists = runs.map(() => (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .createHistogram */ .v5)());
    const counters = await Promise.all(runs.map((r, i) => runOne(r, clock, hists[i])));
    const results = counters.map((c, i) => toResult(requests[i].name, runs[i], c, hists[i], startedAt));
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
    const dead = (r, name) => toResult(name, r, { responses: 0, non2xx: 0, socketErrors: 1, timeouts: 0, mismatches: 0, statusCodes: {}, firstError: { class: pre.class, message: pre.message }, elapsedMs: pre.latencyMs }, (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .createHistogram */ .v5)(), startedAt);
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
    const hash = (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__.configHash)('workers', load);
    const parts = await Promise.all(Array.from({ length: workers }, (_, i) => {
        const spec = { index: i + 1, count: workers };
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_1__.fork)(path, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LAUNCHGUARD_LOAD_WORKER: '1' } });
            let done = false;
            child.once('message', (msg) => {
                done = true;
                if (msg.ok && msg.result)
                    resolve({ result: (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__.toShardResult)(msg.result, spec, 'workers', hash), source: `worker ${spec.index}` });
                else
                    reject(new Error(`load worker ${spec.index} failed: ${msg.error ?? 'no result'}`));
            });
            child.once('exit', (code) => {
                if (!done)
                    reject(new Error(`load worker ${spec.index} exited with ${code} before sending its result`));
            });
            child.send({ load: (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__.shardLoad)(single, spec), target });
        });
    }));
    return (0,_core_shards_js__WEBPACK_IMPORTED_MODULE_6__.mergeShards)(parts).load;
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
        latencyMs: (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .summarize */ .eh)(h),
        histogram: (0,_core_histogram_js__WEBPACK_IMPORTED_MODULE_8__/* .encodeHistogram */ .ll)(h),
        ...(c.firstError ? { firstError: c.firstError } : {}),
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
/** Percentiles in milliseconds. */
function summarize(h) {
    if (h.totalCount === 0)
        return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
    return {
        count: h.totalCount,
        min: ms3(h.minNonZeroValue),
        mean: ms3(h.mean),
        p50: ms3(h.getValueAtPercentile(50)),
        p90: ms3(h.getValueAtPercentile(90)),
        p95: ms3(h.getValueAtPercentile(95)),
        p99: ms3(h.getValueAtPercentile(99)),
        max: ms3(h.maxValue),
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
    firstError: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ class: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['dns', 'refused', 'reset', 'timeout', 'tls', 'redirect', 'status', 'body', 'latency']), message: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() }).optional(),
});
const shardResultSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    schema: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(SHARD_SCHEMA),
    shard: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ index: zod__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr().min(1), count: zod__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr().min(1) }),
    environment: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    /** The load config the shard ran, hashed: shards of different configs must not merge. */
    configHash: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    requests: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(requestSchema).min(1),
});


/** This shard's slice of the load: its share of connections, rate and amount. */
function shardLoad(load, s) {
    const part = (total) => Math.max(1, (0,_shard_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .share */ .b)(total, s.count, s.index - 1));
    return {
        ...load,
        connections: part(load.connections),
        ...(load.rate ? { rate: part(load.rate) } : {}),
        ...(load.amount ? { amount: part(load.amount) } : {}),
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
            statusCodes: { ...r.statusCodes }, histogram: r.histogram, ...(r.firstError ? { firstError: r.firstError } : {}),
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
 * Checks the set (every shard 1..N exactly once, one config) and merges it: histograms exactly,
 * counters summed, throughput over the union of the shards' time windows.
 */
function mergeShards(list) {
    if (list.length === 0)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('shards: no shard results were given');
    const count = list[0].result.shard.count;
    const seen = new Map();
    for (const { result, source } of list) {
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
            return { r, h };
        });
        return combine(name, parts);
    });
    const all = combine('all', merged.map((r) => ({ r, h: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeHistogram */ .pr)(r.histogram) })));
    const connections = all.connections;
    return {
        environment: ref.result.environment,
        load: { connections, durationMs: Math.max(...merged.map((m) => m.elapsedMs)), warmupMs: 0, requests: merged, overall: merged.length === 1 ? { ...merged[0], name: 'all' } : all },
    };
}
function combine(name, parts) {
    const sum = (f) => parts.reduce((a, p) => a + f(p.r), 0);
    const h = (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeHistograms */ .Q7)(parts.map((p) => p.h));
    const codes = {};
    for (const { r } of parts)
        for (const [k, v] of Object.entries(r.statusCodes))
            codes[k] = (codes[k] ?? 0) + v;
    const windows = parts.map(({ r }) => ({ start: Date.parse(r.startedAt), end: Date.parse(r.startedAt) + r.elapsedMs }));
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
        errorRate: requests === 0 ? 1 : errors / requests,
        requestsPerSecond: span > 0 ? Math.round((responses / span) * 1000 * 10) / 10 : 0,
        latencyMs: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .summarize */ .eh)(h),
        histogram: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeHistogram */ .ll)(h),
        ...(firstError ? { firstError } : {}),
    };
}


/***/ })

};
