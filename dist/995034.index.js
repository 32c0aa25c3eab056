export const id = 995034;
export const ids = [995034,379803,480492];
export const modules = {

/***/ 30898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertGateComment: () => (/* binding */ upsertGateComment)
/* harmony export */ });
/* unused harmony exports ACTIONS_BOT, ownLogin */
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1235);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6702);
/* harmony import */ var _github_unavailable_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(13997);



/**
 * The one gate comment on a pull request: found by its hidden marker and edited in place. A token
 * that may not comment (a fork's pull request) is GitHubUnavailable, not a failure.
 */
async function upsertGateComment(octokit, repo, pr, environment, body) {
    try {
        const marker = (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .gateMarker */ .k)(environment);
        const self = await ownLogin(octokit);
        for (let page = 1; page <= 20; page++) {
            const res = await octokit.rest.issues.listComments({ ...repo, issue_number: pr, per_page: 100, page });
            // Anyone can post a comment carrying the marker: only the token's own comment is ours to edit.
            const mine = res.data.find((c) => c.user?.login === self && c.body?.includes(marker));
            if (mine) {
                await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
                return { id: mine.id, created: false };
            }
            if (res.data.length < 100)
                break;
        }
        const created = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body });
        return { id: created.data.id, created: true };
    }
    catch (err) {
        const status = (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c)(err);
        if (status === 401 || status === 403 || status === 404) {
            throw new _github_unavailable_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubUnavailable */ .k(`the token cannot comment on #${pr} (HTTP ${status}; a fork's pull request gets a read-only token)`);
        }
        throw err;
    }
}
/** The login a GITHUB_TOKEN comments as (GitHub answers it 403 on GET /user). */
const ACTIONS_BOT = 'github-actions[bot]';
/**
 * Who the token comments as. A personal access token reads its own login from GET /user; a
 * GITHUB_TOKEN (an installation token) is refused there with 403 and always comments as
 * github-actions[bot].
 */
async function ownLogin(octokit) {
    try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
    }
    catch (err) {
        const status = (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c)(err);
        if (status === 403 || status === 404)
            return ACTIONS_BOT;
        throw err;
    }
}


/***/ }),

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


/***/ }),

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ statusOf),
/* harmony export */   createOctokit: () => (/* binding */ createOctokit)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86856);
/* harmony import */ var _core_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36419);




/**
 * Octokit with retries (5xx and network errors; never 4xx) and throttling that honours
 * `retry-after` on primary and secondary rate limits.
 */
function createOctokit(token, baseUrl, log, redact) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl,
        userAgent: 'launchguard',
        throttle: {
            onRateLimit: (retryAfter, options, _o, retryCount) => {
                log(`GitHub rate limit on ${options.method} ${options.url}; retrying after ${retryAfter} s`);
                return retryCount < 2;
            },
            onSecondaryRateLimit: (retryAfter, options, _o, retryCount) => {
                log(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying after ${retryAfter} s`);
                return retryCount < 2;
            },
        },
        // 409 and 422 mean the request itself must change (a stale sha): never resend it as it is.
        retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
    // The boundary where text leaves for GitHub: issue titles and bodies, comments, commit messages.
    // File contents (base64 machine data) are not text and are left as they are.
    octokit.hook.before('request', (options) => {
        const params = options;
        for (const key of ['title', 'body', 'message']) {
            const v = params[key];
            if (typeof v === 'string')
                params[key] = redact(v);
        }
        // GitHub refuses longer ones (422): cut, with a pointer to the report, rather than lose the write.
        if (typeof params.body === 'string')
            params.body = (0,_core_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .capBody */ .vE)(params.body);
        if (typeof params.title === 'string')
            params.title = (0,_core_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(params.title, _core_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .GITHUB_TITLE_MAX */ .go);
    });
    return octokit;
}
/** The HTTP status of an Octokit error, or undefined for a network failure. */
function statusOf(err) {
    const s = err.status;
    return typeof s === 'number' ? s : undefined;
}


/***/ })

};
