export const id = 218047;
export const ids = [218047];
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

/***/ 55325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   medianOfSamples: () => (/* binding */ medianOfSamples)
/* harmony export */ });
/* harmony import */ var simple_statistics__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15521);
/* harmony import */ var _histogram_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97784);
/* harmony import */ var _counters_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53537);
/* harmony import */ var _stages_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50243);




/**
 * Several load samples as one result: the median of each metric, so a single noisy sample cannot
 * flip a gate. Counts are summed and the histogram is the exact merge of all samples.
 */
function medianOfSamples(runs) {
    const first = runs[0];
    if (runs.length === 1)
        return first;
    const combine = (list) => {
        const failed = list.flatMap((r) => (r.failedHistogram ? [(0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeHistogram */ .pr)(r.failedHistogram)] : []));
        const failedAll = failed.length ? (0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeHistograms */ .Q7)(failed) : undefined;
        const m = (f) => (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(list.map(f));
        // Latency is that of successful responses: a sample with none has no latency to offer.
        const answered = list.filter((r) => r.latencyMs.count > 0);
        const lat = (answered.length ? answered : list).map((r) => r.latencyMs);
        const ml = (k) => (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(lat.map((l) => l[k]));
        const sum = (f) => (0,_counters_js__WEBPACK_IMPORTED_MODULE_3__/* .sumOf */ .XN)(list, f);
        const counts = (0,_counters_js__WEBPACK_IMPORTED_MODULE_3__/* .addCounters */ .Zy)(list);
        return {
            ...list[0],
            elapsedMs: sum((r) => r.elapsedMs),
            requests: sum((r) => r.requests),
            responses: counts.responses,
            non2xx: counts.non2xx,
            socketErrors: counts.socketErrors,
            timeouts: counts.timeouts,
            mismatches: counts.mismatches,
            statusCodes: counts.statusCodes,
            // The medians across samples, not a rate of the sums: one noisy sample cannot flip the gate.
            errorRate: m((r) => r.errorRate),
            requestsPerSecond: m((r) => r.requestsPerSecond),
            latencyMs: { count: sum((r) => r.latencyMs.count), min: ml('min'), mean: ml('mean'), p50: ml('p50'), p90: ml('p90'), p95: ml('p95'), p99: ml('p99'), max: ml('max') },
            histogram: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeHistogram */ .ll)((0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeHistograms */ .Q7)(list.map((r) => (0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeHistogram */ .pr)(r.histogram)))),
            ...(failedAll ? { failedLatencyMs: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .summarize */ .eh)(failedAll), failedHistogram: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeHistogram */ .ll)(failedAll) } : { failedLatencyMs: undefined, failedHistogram: undefined }),
            ...(counts.firstError ? { firstError: counts.firstError } : {}),
            // The open model: dropped requests summed, each stage over all samples' time.
            ...(counts.dropped !== undefined ? { dropped: counts.dropped } : {}),
            ...(list[0].stages ? { stages: (0,_stages_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeStages */ .U)(list.map((r) => r.stages), true) } : {}),
            ...((0,_stages_js__WEBPACK_IMPORTED_MODULE_2__/* .worstLag */ .K)(list) ? { sendLagMs: (0,_stages_js__WEBPACK_IMPORTED_MODULE_2__/* .worstLag */ .K)(list) } : {}),
        };
    };
    return {
        ...first,
        requests: first.requests.map((_, i) => combine(runs.map((s) => s.requests[i]))),
        overall: combine(runs.map((s) => s.overall)),
        perSample: runs.map((s) => ({ p50: s.overall.latencyMs.p50, p95: s.overall.latencyMs.p95, p99: s.overall.latencyMs.p99, errorRate: s.overall.errorRate, requestsPerSecond: s.overall.requestsPerSecond })),
    };
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
