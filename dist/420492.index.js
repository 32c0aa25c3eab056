export const id = 420492;
export const ids = [420492];
export const modules = {

/***/ 53537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ requestsPerSecond),
/* harmony export */   QQ: () => (/* binding */ zeroCounters),
/* harmony export */   XN: () => (/* binding */ sumOf),
/* harmony export */   ZA: () => (/* binding */ failedOf),
/* harmony export */   Zy: () => (/* binding */ addCounters),
/* harmony export */   uD: () => (/* binding */ requestsOf),
/* harmony export */   zi: () => (/* binding */ errorRate)
/* harmony export */ });
/* unused harmony export mergeStatusCodes */
const zeroCounters = () => ({ responses: 0, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: {} });
/** Σ f over a list. */
function sumOf(list, f) {
    return list.reduce((a, t) => a + f(t), 0);
}
/** Status code → count, summed over the list. */
function mergeStatusCodes(list) {
    const out = {};
    for (const codes of list)
        for (const [k, v] of Object.entries(codes))
            out[k] = (out[k] ?? 0) + v;
    return out;
}
/** The counters summed, the status codes merged, and the first error of the list kept. */
function addCounters(list) {
    const firstError = list.find((c) => c.firstError)?.firstError;
    const dropped = sumOf(list, (c) => c.dropped ?? 0);
    return {
        responses: sumOf(list, (c) => c.responses),
        non2xx: sumOf(list, (c) => c.non2xx),
        socketErrors: sumOf(list, (c) => c.socketErrors),
        timeouts: sumOf(list, (c) => c.timeouts),
        mismatches: sumOf(list, (c) => c.mismatches),
        statusCodes: mergeStatusCodes(list.map((c) => c.statusCodes)),
        ...(list.some((c) => c.dropped !== undefined) ? { dropped } : {}),
        ...(firstError ? { firstError } : {}),
    };
}
/** Requests: the responses, plus the requests that got none (socket errors, timeouts, and the open model's dropped ones). */
function requestsOf(c) {
    return c.responses + c.socketErrors + c.timeouts + (c.dropped ?? 0);
}
/** Failed requests: non-2xx, socket errors, timeouts, 2xx body mismatches, and requests dropped because they could not start on time. */
function failedOf(c) {
    return c.non2xx + c.socketErrors + c.timeouts + c.mismatches + (c.dropped ?? 0);
}
/**
 * Failed ÷ requests as a fraction, never above 1. With no requests: 1 (nothing answered), or 0 when
 * the slice was idle (its share of the rate or amount was 0: it sent nothing on purpose).
 */
function errorRate(failed, requests, idle = false) {
    return requests === 0 ? (idle ? 0 : 1) : Math.min(1, failed / requests);
}
/** Responses per second over `elapsedMs`, to one decimal; 0 when no time passed. */
function requestsPerSecond(responses, elapsedMs) {
    return elapsedMs > 0 ? Math.round((responses / elapsedMs) * 1000 * 10) / 10 : 0;
}


/***/ }),

/***/ 97784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NH: () => (/* binding */ failedLatencyOf),
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
/** The failed responses' latencies as a result's fields: none when the histogram holds nothing. */
function failedLatencyOf(h) {
    return h && h.totalCount > 0 ? { failedLatencyMs: summarize(h), failedHistogram: encodeHistogram(h) } : {};
}


/***/ }),

/***/ 97180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SHARD_SCHEMA: () => (/* binding */ SHARD_SCHEMA),
  configHash: () => (/* binding */ configHash),
  mergeShards: () => (/* binding */ mergeShards),
  parseShard: () => (/* reexport */ shard_spec/* parseShard */.uK),
  parseShardResult: () => (/* binding */ parseShardResult),
  shardLoad: () => (/* binding */ shardLoad),
  shardResultSchema: () => (/* binding */ shardResultSchema),
  toShardResult: () => (/* binding */ toShardResult),
  unionMs: () => (/* binding */ unionMs)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(37827);
// EXTERNAL MODULE: ./src/checks/load/schema.ts
var schema = __webpack_require__(98255);
// EXTERNAL MODULE: ./src/core/types.ts
var types = __webpack_require__(73054);
;// CONCATENATED MODULE: ./src/checks/load/types.ts


/** The load check's result: what `report.json` keeps under `results.load`. */
const latencySummarySchema = schemas/* object */.Ikc({ count: schemas/* number */.aig(), min: schemas/* number */.aig(), mean: schemas/* number */.aig(), p50: schemas/* number */.aig(), p90: schemas/* number */.aig(), p95: schemas/* number */.aig(), p99: schemas/* number */.aig(), max: schemas/* number */.aig() });
/** One stage of an open-model run, as measured: what a shard carries so the merge adds stages up exactly. */
const stageResultSchema = schemas/* object */.Ikc({
    /** The rate the stage starts at and the rate it ramps to, in requests per second (this slice's share). */
    from: schemas/* number */.aig(),
    target: schemas/* number */.aig(),
    durationMs: schemas/* number */.aig(),
    /** Runs of the stage these figures add up (gate samples): counts and `expected` are over all of them. Absent: 1. */
    runs: schemas/* number */.aig().optional(),
    /** Requests the schedule meant to start in this stage (the integral of its rate). */
    expected: schemas/* number */.aig(),
    /** Requests started on schedule in this stage (not dropped). */
    requests: schemas/* number */.aig(),
    dropped: schemas/* number */.aig(),
    /** Requests started ÷ the stage's duration, per second. */
    achievedRate: schemas/* number */.aig(),
    /** The successful responses' latencies from their intended start, and each dropped request at `timeout`: the encoded HDR histogram (µs), and its summary. */
    histogram: schemas/* string */.YjP(),
    latencyMs: latencySummarySchema,
});
/**
 * One request's load counters and encoded histograms: the part of its result that adds up exactly
 * across workers, shards and samples, and what a shard result (`launchguard.shard/v1`) carries for it.
 */
const loadRequestCountsSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP(),
    method: schemas/* string */.YjP(),
    url: schemas/* string */.YjP(),
    connections: schemas/* number */.aig(),
    startedAt: schemas/* string */.YjP(),
    elapsedMs: schemas/* number */.aig(),
    /** Responses plus requests that got no response (socket errors, timeouts). */
    requests: schemas/* number */.aig(),
    responses: schemas/* number */.aig(),
    non2xx: schemas/* number */.aig(),
    socketErrors: schemas/* number */.aig(),
    timeouts: schemas/* number */.aig(),
    /** Responses whose body lacked `expect-body-contains`. */
    mismatches: schemas/* number */.aig(),
    statusCodes: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* number */.aig()),
    /** The successful responses' latencies: the encoded HDR histogram (µs). */
    histogram: schemas/* string */.YjP(),
    /** The failed responses' latencies; `histogram` holds the successful ones. */
    failedHistogram: schemas/* string */.YjP().optional(),
    firstError: schemas/* object */.Ikc({ class: schemas/* enum */.k5n(types/* FAILURE_CLASSES */.CJ), message: schemas/* string */.YjP() }).optional(),
    /**
     * Where latency is measured from: `sent`, when each request left; or `intended`, under a rate cap,
     * when the rate meant to send it (corrected for coordinated omission, as wrk2 does). Absent: `sent`.
     */
    latencyFrom: schemas/* enum */.k5n(['sent', 'intended']).optional(),
    /** `open`: requests started on schedule whether or not earlier ones finished (arrival-rate). Absent: the closed model. */
    model: schemas/* literal */.euz('open').optional(),
    /** The open model's mean target arrival rate over the run, in requests per second (this slice's share). */
    targetRate: schemas/* number */.aig().optional(),
    /** The open model's requests that could not start on time (max-in-flight reached): counted in `requests` and as errors. */
    dropped: schemas/* number */.aig().optional(),
    stages: schemas/* array */.YOg(stageResultSchema).optional(),
    /** The open model: how late the generator itself sent requests after their intended start (its own event loop), ms. */
    sendLagMs: schemas/* object */.Ikc({ p99: schemas/* number */.aig(), max: schemas/* number */.aig() }).optional(),
    /** Set when this slice of the load sends nothing (its share of the rate or amount is 0): why. */
    idle: schemas/* string */.YjP().optional(),
});

// EXTERNAL MODULE: ./src/scale/counters.ts
var counters = __webpack_require__(53537);
// EXTERNAL MODULE: ./src/scale/histogram.ts
var histogram = __webpack_require__(97784);
// EXTERNAL MODULE: ./src/scale/stages.ts
var scale_stages = __webpack_require__(50243);
// EXTERNAL MODULE: ./src/scale/shard-spec.ts
var shard_spec = __webpack_require__(68252);
;// CONCATENATED MODULE: ./src/scale/shards.ts








/**
 * Load split across a job matrix: each shard run measures 1/N of the load and hands on its exact
 * HDR histogram and counters; a merge run combines them, so percentiles are those of all requests.
 */
const SHARD_SCHEMA = 'launchguard.shard/v1';
const shardResultSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(SHARD_SCHEMA),
    shard: shard_spec/* shardSpecSchema */.n0,
    environment: schemas/* string */.YjP(),
    /** The load config the shard ran, hashed: shards of different configs must not merge. */
    configHash: schemas/* string */.YjP(),
    requests: schemas/* array */.YOg(loadRequestCountsSchema).min(1),
});


/**
 * This shard's slice of the load: its share of connections, rate and amount. Rate and amount are
 * caps, so the slices never sum to more than the configured value: a slice may get 0 of them, and
 * then it sends nothing (and says so). Connections keep a floor of 1.
 */
function shardLoad(load, s) {
    const part = (total) => (0,shard_spec/* share */.uM)(total, s.count, s.index - 1);
    // Every request on every worker of every shard holds at least one slot of max-in-flight.
    const inFlight = load['max-in-flight'] ?? schema/* DEFAULT_MAX_IN_FLIGHT */.A2;
    const floors = s.count * (load.requests?.length ?? 1) * (typeof load.workers === 'number' ? load.workers : 1);
    if ((0,schema/* isOpenModel */.A)(load) && floors > inFlight) {
        throw new errors/* UserError */.yo(`load.max-in-flight is ${inFlight}, below one request in flight per request per worker per shard (${floors} over ${s.count} shards); raise it, or use fewer shards or workers`);
    }
    return {
        ...load,
        connections: Math.max(1, part(load.connections)),
        ...(load.rate !== undefined ? { rate: part(load.rate) } : {}),
        ...(load.amount !== undefined ? { amount: part(load.amount) } : {}),
        ...(0,schema/* splitOpen */.ve)(load, s.count, s.index - 1),
    };
}
function configHash(environment, load) {
    const { requests, connections, duration, amount, rate, warmup, timeout } = load;
    const open = load['arrival-rate'] || load.stages ? { open: [load['arrival-rate'] ?? null, load.stages ?? null, load['max-in-flight'] ?? null] } : {};
    const canonical = JSON.stringify({ environment, requests: requests ?? null, connections, duration, amount: amount ?? null, rate: rate ?? null, warmup, timeout, ...open });
    return (0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex').slice(0, 16);
}
function toShardResult(load, spec, environment, hash) {
    return {
        schema: SHARD_SCHEMA,
        shard: spec,
        environment,
        configHash: hash,
        requests: load.requests.map((r) => ({
            name: r.name, method: r.method, url: r.url, connections: r.connections, startedAt: r.startedAt, elapsedMs: r.elapsedMs,
            requests: r.requests, responses: r.responses, non2xx: r.non2xx, socketErrors: r.socketErrors, timeouts: r.timeouts, mismatches: r.mismatches,
            statusCodes: { ...r.statusCodes }, histogram: r.histogram, ...(r.failedHistogram ? { failedHistogram: r.failedHistogram } : {}), ...(r.firstError ? { firstError: r.firstError } : {}),
            ...(r.latencyFrom ? { latencyFrom: r.latencyFrom } : {}), ...(r.idle ? { idle: r.idle } : {}),
            ...(r.model ? { model: r.model, targetRate: r.targetRate, dropped: r.dropped, stages: r.stages, ...(r.sendLagMs ? { sendLagMs: r.sendLagMs } : {}) } : {}),
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
            throw new errors/* UserError */.yo(`shards: ${source} is not valid JSON`);
        }
    }
    if (raw && typeof raw === 'object' && 'shard' in raw && raw.schema === 'launchguard.report/v1') {
        raw = raw.shard; // a whole report file: take its shard result
    }
    const parsed = shardResultSchema.safeParse(raw);
    if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new errors/* UserError */.yo(`shards: ${source} is not a launchguard shard result (${i.path.join('.') || 'top level'}: ${i.message})`);
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
        throw new errors/* UserError */.yo('shards: no shard results were given');
    const count = list[0].result.shard.count;
    const seen = new Map();
    for (const { result, source } of list) {
        const at = `shards: ${source} (shard ${result.shard.index}/${result.shard.count})`;
        if (result.shard.index > result.shard.count) {
            throw new errors/* UserError */.yo(`${at}: the index ${result.shard.index} is outside 1..${result.shard.count}`);
        }
        for (const r of result.requests) {
            if (!Number.isFinite(Date.parse(r.startedAt))) {
                throw new errors/* UserError */.yo(`${at}: request "${r.name}" has a start time that is not a timestamp: ${JSON.stringify(r.startedAt.slice(0, 40))}`);
            }
            if (r.responses > r.requests) {
                throw new errors/* UserError */.yo(`${at}: request "${r.name}" counts ${r.responses} responses but only ${r.requests} requests`);
            }
            let h;
            try {
                h = (0,histogram/* decodeHistogram */.pr)(r.histogram);
            }
            catch (err) {
                throw new errors/* UserError */.yo(`${at}: the histogram of request "${r.name}" is corrupt: ${err.message}`);
            }
            let failed = 0;
            if (r.failedHistogram !== undefined) {
                try {
                    failed = (0,histogram/* decodeHistogram */.pr)(r.failedHistogram).totalCount;
                }
                catch (err) {
                    throw new errors/* UserError */.yo(`${at}: the failed responses' histogram of request "${r.name}" is corrupt: ${err.message}`);
                }
            }
            // The open model's dropped requests count in the histogram at `timeout`, as responses do.
            if (h.totalCount + failed !== r.responses + (r.dropped ?? 0)) {
                throw new errors/* UserError */.yo(`${at}: the histograms of request "${r.name}" hold ${h.totalCount + failed} latencies, but the counters say ${r.responses} responses${r.dropped ? ` and ${r.dropped} dropped` : ''}`);
            }
        }
        if (expect && result.configHash !== expect.configHash) {
            throw new errors/* UserError */.yo(`${at}: ran a different load config or environment than this merge run's own; run every shard and the merge from the same config`);
        }
        if (expect?.urls) {
            for (const r of result.requests) {
                const want = expect.urls.get(r.name);
                if (want !== undefined && want !== r.url) {
                    throw new errors/* UserError */.yo(`${at}: request "${r.name}" went to ${r.url}, but this merge run's target gives ${want}; give every shard and the merge the same target-url`);
                }
            }
        }
        if (result.shard.count !== count) {
            throw new errors/* UserError */.yo(`shards: ${source} is shard ${result.shard.index}/${result.shard.count}, but ${list[0].source} says there are ${count} shards`);
        }
        const dup = seen.get(result.shard.index);
        if (dup)
            throw new errors/* UserError */.yo(`shards: shard ${result.shard.index}/${count} appears twice (${dup} and ${source})`);
        seen.set(result.shard.index, source);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length)
        throw new errors/* UserError */.yo(`shards: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`);
    const ref = list[0];
    for (const { result, source } of list) {
        if (result.configHash !== ref.result.configHash || result.environment !== ref.result.environment) {
            throw new errors/* UserError */.yo(`shards: ${source} (shard ${result.shard.index}/${count}) ran a different load config or environment than ${ref.source} (shard ${ref.result.shard.index}/${count}); run every shard from the same config`);
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
                throw new errors/* UserError */.yo(`shards: ${source} has no request named "${name}"`);
            let h;
            try {
                h = (0,histogram/* decodeHistogram */.pr)(r.histogram);
            }
            catch (err) {
                throw new errors/* UserError */.yo(`shards: the histogram of request "${name}" in ${source} (shard ${result.shard.index}/${count}) is corrupt: ${err.message}`);
            }
            // Checked above: a corrupt failed histogram never gets this far.
            return { r, h, ...(r.failedHistogram ? { f: (0,histogram/* decodeHistogram */.pr)(r.failedHistogram) } : {}) };
        });
        return combine(name, parts);
    });
    const all = combine('all', merged.map((r) => ({ r, h: (0,histogram/* decodeHistogram */.pr)(r.histogram), ...(r.failedHistogram ? { f: (0,histogram/* decodeHistogram */.pr)(r.failedHistogram) } : {}) })));
    const connections = all.connections;
    return {
        environment: ref.result.environment,
        notes,
        load: { connections, durationMs: Math.max(...merged.map((m) => m.elapsedMs)), warmupMs: 0, ...(all.model ? { model: all.model } : {}), requests: merged, overall: merged.length === 1 ? { ...merged[0], name: 'all' } : all },
    };
}
function combine(name, parts) {
    const h = (0,histogram/* mergeHistograms */.Q7)(parts.map((p) => p.h));
    const failed = (0,histogram/* mergeHistograms */.Q7)(parts.flatMap((p) => (p.f ? [p.f] : [])));
    const counts = (0,counters/* addCounters */.Zy)(parts.map((p) => p.r));
    // A slice that sent nothing has no window: it must not stretch the span.
    const active = parts.filter(({ r }) => r.requests > 0);
    const windows = (active.length ? active : parts).map(({ r }) => ({ start: Date.parse(r.startedAt), end: Date.parse(r.startedAt) + r.elapsedMs }));
    const span = unionMs(windows);
    const requests = (0,counters/* sumOf */.XN)(parts, (p) => p.r.requests);
    const first = parts[0].r;
    return {
        name,
        method: first.method,
        url: first.url,
        connections: (0,counters/* sumOf */.XN)(parts, (p) => p.r.connections),
        startedAt: new Date(Math.min(...windows.map((w) => w.start))).toISOString(),
        elapsedMs: Math.round(span),
        requests,
        responses: counts.responses,
        non2xx: counts.non2xx,
        socketErrors: counts.socketErrors,
        timeouts: counts.timeouts,
        mismatches: counts.mismatches,
        statusCodes: counts.statusCodes,
        errorRate: (0,counters/* errorRate */.zi)((0,counters/* failedOf */.ZA)(counts), requests, parts.every(({ r }) => r.idle)),
        requestsPerSecond: (0,counters/* requestsPerSecond */.EY)(counts.responses, span),
        latencyMs: (0,histogram/* summarize */.eh)(h),
        histogram: (0,histogram/* encodeHistogram */.ll)(h),
        ...(0,histogram/* failedLatencyOf */.NH)(failed),
        ...(counts.firstError ? { firstError: counts.firstError } : {}),
        ...(parts.some(({ r }) => r.latencyFrom === 'intended') ? { latencyFrom: 'intended' } : {}),
        ...(parts.every(({ r }) => r.idle) ? { idle: parts[0].r.idle } : {}),
        ...(parts.some(({ r }) => r.model) ? openOf(parts.map((p) => p.r)) : {}),
    };
}
/** The open model's fields of slices of one run: target rates and dropped requests summed, stages merged exactly. */
function openOf(list) {
    const stages = (0,scale_stages/* mergeStages */.U)(list.map((r) => r.stages));
    const lag = (0,scale_stages/* worstLag */.K)(list);
    return { model: 'open', targetRate: Number((0,counters/* sumOf */.XN)(list, (r) => r.targetRate ?? 0).toPrecision(6)), dropped: (0,counters/* sumOf */.XN)(list, (r) => r.dropped ?? 0), ...(stages ? { stages } : {}), ...(lag ? { sendLagMs: lag } : {}) };
}


/***/ }),

/***/ 50243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ worstLag),
/* harmony export */   U: () => (/* binding */ mergeStages)
/* harmony export */ });
/* harmony import */ var _counters_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53537);
/* harmony import */ var _histogram_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97784);


/**
 * The open model's stages merged exactly: slices of one run (requests, workers, shards) add their
 * targets, counts and histograms; repeats of one run (gate samples) add counts and histograms over
 * their summed time, so the rates stay per run.
 */
function mergeStages(lists, repeats = false) {
    const present = lists.filter((l) => l !== undefined && l.length > 0);
    if (present.length === 0)
        return undefined;
    const n = Math.min(...present.map((l) => l.length));
    return Array.from({ length: n }, (_, i) => {
        const parts = present.map((l) => l[i]);
        const h = (0,_histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .mergeHistograms */ .Q7)(parts.map((p) => (0,_histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeHistogram */ .pr)(p.histogram)));
        const durationMs = parts[0].durationMs;
        const requests = (0,_counters_js__WEBPACK_IMPORTED_MODULE_1__/* .sumOf */ .XN)(parts, (p) => p.requests);
        // Slices of one run share its runs; repeats add theirs, so rates are counts ÷ (duration × runs).
        const runs = repeats ? (0,_counters_js__WEBPACK_IMPORTED_MODULE_1__/* .sumOf */ .XN)(parts, (p) => p.runs ?? 1) : (parts[0].runs ?? 1);
        const span = durationMs * runs;
        return {
            from: repeats ? parts[0].from : (0,_counters_js__WEBPACK_IMPORTED_MODULE_1__/* .sumOf */ .XN)(parts, (p) => p.from),
            target: repeats ? parts[0].target : (0,_counters_js__WEBPACK_IMPORTED_MODULE_1__/* .sumOf */ .XN)(parts, (p) => p.target),
            durationMs,
            ...(runs !== 1 ? { runs } : {}),
            expected: (0,_counters_js__WEBPACK_IMPORTED_MODULE_1__/* .sumOf */ .XN)(parts, (p) => p.expected),
            requests,
            dropped: (0,_counters_js__WEBPACK_IMPORTED_MODULE_1__/* .sumOf */ .XN)(parts, (p) => p.dropped),
            achievedRate: span > 0 ? Number(((requests / span) * 1000).toPrecision(6)) : 0,
            histogram: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeHistogram */ .ll)(h),
            latencyMs: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .summarize */ .eh)(h),
        };
    });
}
/** The generator's send lag over slices or samples: the worst slice's p99 and max (an upper bound, never an average). */
function worstLag(list) {
    const lags = list.flatMap((r) => (r.sendLagMs ? [r.sendLagMs] : []));
    return lags.length ? { p99: Math.max(...lags.map((l) => l.p99)), max: Math.max(...lags.map((l) => l.max)) } : undefined;
}


/***/ })

};
