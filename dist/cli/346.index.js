export const id = 346;
export const ids = [346];
export const modules = {

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
