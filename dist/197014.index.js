export const id = 197014;
export const ids = [197014,480492];
export const modules = {

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


/***/ }),

/***/ 25639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertReviewIssue: () => (/* binding */ upsertReviewIssue)
/* harmony export */ });
/* unused harmony export REVIEW_LABEL */
/* harmony import */ var _core_limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36419);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6702);


/** The label every weekly review issue carries: the week's issue is found by it and its title. */
const REVIEW_LABEL = 'launchguard-review';
/**
 * Creates the week's review issue, or updates its body when an issue with the same title and the
 * review label exists (open or closed: a re-run never makes a second one). Found through the list
 * endpoint (never search, whose index lags), newest first, at most 3 pages.
 */
async function upsertReviewIssue(octokit, repo, title, body) {
    const text = (0,_core_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .capBody */ .vE)(body);
    for (let page = 1; page <= 3; page++) {
        const res = await octokit.rest.issues.listForRepo({ ...repo, labels: REVIEW_LABEL, state: 'all', sort: 'created', direction: 'desc', per_page: 100, page });
        const found = res.data.find((i) => !i.pull_request && i.title === title);
        if (found) {
            await octokit.rest.issues.update({ ...repo, issue_number: found.number, body: text });
            return { number: found.number, created: false };
        }
        if (res.data.length < 100)
            break;
    }
    try {
        await octokit.rest.issues.createLabel({ ...repo, name: REVIEW_LABEL, color: '0e8a16', description: 'Weekly review written by launchguard' });
    }
    catch (err) {
        if ((0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c)(err) !== 422)
            throw err; // 422: the label exists
    }
    const created = await octokit.rest.issues.create({ ...repo, title, body: text, labels: [REVIEW_LABEL] });
    return { number: created.data.number, created: true };
}


/***/ })

};
