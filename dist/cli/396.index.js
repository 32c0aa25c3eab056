export const id = 396;
export const ids = [396];
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

/***/ 59396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   medianOfSamples: () => (/* binding */ medianOfSamples)
/* harmony export */ });
/* harmony import */ var simple_statistics__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15521);
/* harmony import */ var _histogram_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80365);


/**
 * Several load samples as one result: the median of each metric, so a single noisy sample cannot
 * flip a gate. Counts are summed and the histogram is the exact merge of all samples.
 */
function medianOfSamples(samples) {
    const first = samples[0];
    if (samples.length === 1)
        return first;
    const combine = (list) => {
        const failed = list.flatMap((r) => (r.failedHistogram ? [(0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeHistogram */ .pr)(r.failedHistogram)] : []));
        const failedAll = failed.length ? (0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeHistograms */ .Q7)(failed) : undefined;
        const m = (f) => (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(list.map(f));
        // Latency is that of successful responses: a sample with none has no latency to offer.
        const answered = list.filter((r) => r.latencyMs.count > 0);
        const lat = (answered.length ? answered : list).map((r) => r.latencyMs);
        const ml = (k) => (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(lat.map((l) => l[k]));
        const sum = (f) => list.reduce((a, r) => a + f(r), 0);
        const codes = {};
        for (const r of list)
            for (const [k, v] of Object.entries(r.statusCodes))
                codes[k] = (codes[k] ?? 0) + v;
        return {
            ...list[0],
            elapsedMs: sum((r) => r.elapsedMs),
            requests: sum((r) => r.requests),
            responses: sum((r) => r.responses),
            non2xx: sum((r) => r.non2xx),
            socketErrors: sum((r) => r.socketErrors),
            timeouts: sum((r) => r.timeouts),
            mismatches: sum((r) => r.mismatches),
            statusCodes: codes,
            errorRate: m((r) => r.errorRate),
            requestsPerSecond: m((r) => r.requestsPerSecond),
            latencyMs: { count: sum((r) => r.latencyMs.count), min: ml('min'), mean: ml('mean'), p50: ml('p50'), p90: ml('p90'), p95: ml('p95'), p99: ml('p99'), max: ml('max') },
            histogram: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeHistogram */ .ll)((0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeHistograms */ .Q7)(list.map((r) => (0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeHistogram */ .pr)(r.histogram)))),
            ...(failedAll ? { failedLatencyMs: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .summarize */ .eh)(failedAll), failedHistogram: (0,_histogram_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeHistogram */ .ll)(failedAll) } : { failedLatencyMs: undefined, failedHistogram: undefined }),
            ...(list.find((r) => r.firstError)?.firstError ? { firstError: list.find((r) => r.firstError).firstError } : {}),
        };
    };
    return {
        ...first,
        requests: first.requests.map((_, i) => combine(samples.map((s) => s.requests[i]))),
        overall: combine(samples.map((s) => s.overall)),
        samples: samples.map((s) => ({ p50: s.overall.latencyMs.p50, p95: s.overall.latencyMs.p95, p99: s.overall.latencyMs.p99, errorRate: s.overall.errorRate, requestsPerSecond: s.overall.requestsPerSecond })),
    };
}


/***/ })

};
