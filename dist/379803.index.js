export const id = 379803;
export const ids = [379803];
export const modules = {

/***/ 1235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ gateMarker),
/* harmony export */   renderGateComment: () => (/* binding */ renderGateComment)
/* harmony export */ });
/* harmony import */ var _config_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97840);
/* harmony import */ var _core_severity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60432);
/* harmony import */ var _core_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16706);
/* harmony import */ var _suppression_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3251);




/** " · in maintenance: weekly-deploy": the gate still judges a held finding, and says it is held. */
const held = (f) => (f.suppressed ? ` · _${(0,_suppression_render_js__WEBPACK_IMPORTED_MODULE_3__/* .suppressionText */ .Jx)(f.suppressed, _core_markdown_js__WEBPACK_IMPORTED_MODULE_2__.md)}_` : '');
/** Finds the gate's one comment again, per environment, to edit it in place. */
function gateMarker(environment) {
    return `<!-- launchguard:gate environment=${environment} -->`;
}
const pct = (v, d = 2) => `${Math.round(v * 10 ** d) / 10 ** d} %`;
function delta(now, base, fmt) {
    if (base === undefined)
        return '—';
    const d = now - base;
    const rel = base !== 0 ? ` (${d >= 0 ? '+' : ''}${Math.round((d / base) * 100)} %)` : '';
    return `${d >= 0 ? '+' : '−'}${fmt(Math.abs(d))}${rel}`;
}
/** The pull-request comment: one line verdict, the metrics table, other findings, the baseline used. Pure. */
function renderGateComment(r) {
    const failing = r.findings.filter((f) => (0,_core_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .meetsThreshold */ .M0)(f.severity, r.verdict.failOn));
    const top = r.verdict.status === 'pass'
        ? `## ✅ launchguard gate: pass${r.findings.length ? ` (${r.findings.length} finding${r.findings.length === 1 ? '' : 's'} below fail-on ${r.verdict.failOn})` : ''}`
        : `## ❌ launchguard gate: fail: ${failing.map((f) => `[${(0,_core_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .sevName */ .ar)(f.severity)}] ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_2__.md)(f.title.replace(`${r.environment}: `, ''))}`).join('; ')}`;
    const out = [gateMarker(r.environment), top, ''];
    const windows = (0,_suppression_render_js__WEBPACK_IMPORTED_MODULE_3__/* .suppressionLines */ .Tk)(r.suppression, _core_markdown_js__WEBPACK_IMPORTED_MODULE_2__.md);
    if (windows.length)
        out.push(...windows.map((l) => `> ${l}`), '> The gate judges every finding all the same.', '');
    out.push(`Environment **${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_2__.md)(r.environment)}** · target ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_2__.md)(r.target || '(none)')} · checks ${r.checks.join(', ')}${r.run?.url ? ` · [run](${r.run.url})` : ''}`, '');
    const l = r.results.load;
    if (l && l.overall.responses > 0) {
        const b = r.baseline;
        const v = (bad) => (bad ? '❌' : '✅');
        const o = l.overall;
        // Budgets are per request: each request is shown with its own budget (as evaluation resolved it) and its own verdict.
        const facts = r.facts?.load;
        const own = (name) => (facts && Object.hasOwn(facts.budgets, name) ? facts.budgets[name] : undefined);
        const broke = (name, ...kinds) => r.findings.some((f) => f.check === 'load' && kinds.some((k) => f.subject === `${name}:${k}`));
        const regressed = r.findings.some((f) => f.rule === 'load-regression');
        const single = l.requests.length === 1 ? l.requests[0] : undefined;
        const sb = single ? own(single.name) : undefined;
        const regressionBudget = b && facts ? `≤ baseline + max(${facts.regressionThresholdPct} %, 3 × MAD)` : '';
        const perRequest = 'per request, below';
        // Latency is that of successful responses: with none, there is no figure (never the 0 ms of an empty histogram).
        const none = 'no successful response';
        const ms = (lat, k) => (lat.count > 0 ? (0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(lat[k]) : none);
        const change = (lat, k, base) => (lat.count > 0 ? delta(lat[k], base, _config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V) : '—');
        out.push('| metric | baseline | this PR | delta | budget | verdict |', '|---|---|---|---|---|---|');
        out.push(`| p50 | ${b ? (0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(b.p50) : '—'} | ${ms(o.latencyMs, 'p50')} | ${change(o.latencyMs, 'p50', b?.p50)} | ${sb ? `< ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(sb.p50)}` : perRequest} | ${single ? v(broke(single.name, 'p50')) : ''} |`);
        out.push(`| p95 | ${b ? `${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(b.p95)} ± ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(b.p95Mad)}` : '—'} | ${ms(o.latencyMs, 'p95')} | ${change(o.latencyMs, 'p95', b?.p95)} | ${[sb ? `< ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(sb.p95)}` : perRequest, regressionBudget].filter(Boolean).join(', ')} | ${single ? v(broke(single.name, 'p95') || regressed) : b ? v(regressed) : ''} |`);
        out.push(`| p99 | ${b ? (0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(b.p99) : '—'} | ${ms(o.latencyMs, 'p99')} | ${change(o.latencyMs, 'p99', b?.p99)} | | |`);
        out.push(`| error rate | ${b ? pct(b.errorRate * 100) : '—'} | ${pct(o.errorRate * 100)} | ${b ? delta(o.errorRate * 100, b.errorRate * 100, (x) => pct(x)) : '—'} | ${sb ? `< ${sb.errorRate} %` : perRequest} | ${single ? v(broke(single.name, 'error-rate')) : ''} |`);
        out.push(`| req/s | ${b ? b.rps : '—'} | ${o.requestsPerSecond} | ${delta(o.requestsPerSecond, b?.rps, (x) => String(Math.round(x * 10) / 10))} | | |`);
        out.push('');
        if (!single) {
            out.push('| request | p50 | p95 | error rate | its budget (p50 / p95 / error rate) | verdict |', '|---|---|---|---|---|---|');
            for (const q of l.requests) {
                const qb = own(q.name);
                const bad = broke(q.name, 'p50', 'p95', 'error-rate', 'unreachable');
                out.push(`| ${q.name} | ${ms(q.latencyMs, 'p50')} | ${ms(q.latencyMs, 'p95')} | ${pct(q.errorRate * 100)} | ${qb ? `< ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(qb.p50)} / < ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(qb.p95)} / < ${qb.errorRate} %` : '—'} | ${q.idle ? 'idle' : v(bad)} |`);
            }
            out.push('');
        }
        if (l.perSample)
            out.push(`This PR: the median of ${l.perSample.length} load samples (p95 per sample: ${l.perSample.map((s) => (0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMs */ ._V)(s.p95)).join(', ')}).`, '');
        out.push(b
            ? `Baseline: the median of ${b.runs} passing run${b.runs === 1 ? '' : 's'} on the default branch from ${b.from.slice(0, 10)} to ${b.to.slice(0, 10)}${b.fromSha && b.toSha ? `, commits ${b.fromSha.slice(0, 7)}..${b.toSha.slice(0, 7)}` : ''} (${b.where}).`
            : 'No baseline yet: no passing run on the default branch is recorded, so this PR is judged by the budgets alone.', '');
    }
    const others = r.findings.filter((f) => f.check !== 'load');
    if (others.length) {
        out.push('| severity | finding | detail |', '|---|---|---|');
        for (const f of others)
            out.push(`| ${(0,_core_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .sevName */ .ar)(f.severity)} | ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_2__.md)(f.title)}${held(f)} | ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_2__.md)(f.detail)} |`);
        out.push('');
    }
    const loadFindings = r.findings.filter((f) => f.check === 'load');
    if (loadFindings.length)
        out.push(...loadFindings.map((f) => `- **${(0,_core_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .sevName */ .ar)(f.severity)}** ${(0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_2__.md)(f.detail)}${held(f)}`), '');
    out.push('_launchguard edits this comment on every run of this pull request._');
    return out.join('\n');
}


/***/ })

};
