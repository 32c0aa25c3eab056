export const id = 493;
export const ids = [493];
export const modules = {

/***/ 39493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runLoad: () => (/* binding */ runLoad)
});

// UNUSED EXPORTS: loadRequestsOf, share

// EXTERNAL MODULE: ./node_modules/autocannon/autocannon.js
var autocannon = __webpack_require__(88174);
var autocannon_default = /*#__PURE__*/__webpack_require__.n(autocannon);
// EXTERNAL MODULE: ./node_modules/hdr-histogram-js/dist/index.js
var dist = __webpack_require__(32960);
;// CONCATENATED MODULE: ./src/core/histogram.ts

function createHistogram() {
    return dist.build({
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
    return dist.encodeIntoCompressedBase64(h);
}
/** Decodes an encoded histogram; throws a plain Error naming what was wrong. */
function decodeHistogram(encoded) {
    try {
        const h = hdr.decodeFromCompressedBase64(encoded, 32, false);
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

// EXTERNAL MODULE: ./src/checks/http.ts
var http = __webpack_require__(84501);
// EXTERNAL MODULE: ./src/checks/target.ts
var checks_target = __webpack_require__(11572);
;// CONCATENATED MODULE: ./src/checks/load.ts




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
        const instance = autocannon_default()({
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
                recordMs(hist, ms);
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
                const { cls, message } = (0,http/* classify */.L8)(err, err.message === 'request timed out', run.timeoutMs);
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
        const headers = (0,checks_target/* headerValues */.UE)(target.headers, r.headers);
        let body;
        if (typeof r.body === 'string')
            body = r.body;
        else if (r.body !== undefined) {
            body = JSON.stringify(r.body);
            headers['content-type'] ??= 'application/json';
        }
        return {
            url: (0,checks_target/* joinUrl */.we)(target.baseUrl, r.path),
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
    const first = runs[0];
    const pre = await http.send({ url: first.url, method: first.method, headers: first.headers, body: first.body, timeoutMs: load.timeout, maxBodyBytes: 64 * 1024 });
    if (pre.kind === 'error' && pre.class !== 'status' && pre.class !== 'body') {
        const startedAt = now().toISOString();
        const dead = (r, name) => toResult(name, r, { responses: 0, non2xx: 0, socketErrors: 1, timeouts: 0, mismatches: 0, statusCodes: {}, firstError: { class: pre.class, message: pre.message }, elapsedMs: pre.latencyMs }, createHistogram(), startedAt);
        const results = runs.map((r, i) => dead(r, requests[i].name));
        return { connections: load.connections, durationMs: load.duration, warmupMs: load.warmup, requests: results, overall: { ...results[0], name: 'all' } };
    }
    if (load.warmup > 0) {
        await Promise.all(runs.map((r) => runOne({ ...r, durationMs: load.warmup, amount: undefined }, clock, undefined)));
    }
    const startedAt = now().toISOString();
    const hists = runs.map(() => createHistogram());
    const counters = await Promise.all(runs.map((r, i) => runOne(r, clock, hists[i])));
    const results = counters.map((c, i) => toResult(requests[i].name, runs[i], c, hists[i], startedAt));
    const all = mergeHistograms(hists);
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
        latencyMs: summarize(h),
        histogram: encodeHistogram(h),
        ...(c.firstError ? { firstError: c.firstError } : {}),
    };
}


/***/ })

};
