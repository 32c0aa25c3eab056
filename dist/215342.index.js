export const id = 215342;
export const ids = [215342,480492];
export const modules = {

/***/ 77210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BranchFiles: () => (/* binding */ BranchFiles)
/* harmony export */ });
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6702);
/* harmony import */ var _unavailable_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13997);


const MAX_ATTEMPTS = 5;
/** The contents API's refusal of a large file: 403 with an error code too_large. */
function tooLarge(err) {
    const data = err.response?.data;
    return Boolean(data?.errors?.some((e) => e.code === 'too_large') || /too large/i.test(data?.message ?? ''));
}
/** A 403 that is a rate limit (primary or secondary), not a missing permission: its own message, never "needs permissions". */
function rateLimited(err) {
    const res = err.response;
    return res?.headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(res?.data?.message ?? '');
}
function permissionRefused(err) {
    const status = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c)(err);
    return (status === 401 || status === 403) && !rateLimited(err);
}
/**
 * Text files on a data branch, through the contents API. Writes use the blob sha for optimistic
 * concurrency and retry on a conflict; the branch is created as an orphan on the first write, so
 * it never mixes with the code.
 */
class BranchFiles {
    octokit;
    repo;
    branch;
    constructor(octokit, repo, branch) {
        this.octokit = octokit;
        this.repo = repo;
        this.branch = branch;
    }
    get where() {
        return `branch ${this.branch} of ${this.repo.owner}/${this.repo.repo}`;
    }
    async read(path) {
        let data;
        try {
            const res = await this.octokit.rest.repos.getContent({ ...this.repo, path, ref: this.branch });
            data = res.data;
            if (Array.isArray(res.data) || data.type !== 'file' || data.content === undefined) {
                throw new Error(`${path} on ${this.where} is not a file`);
            }
        }
        catch (err) {
            const status = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c)(err);
            if (status === 404)
                return { sha: null };
            // Over the contents API's 1 MB: a size limit, not a permission. The git blobs API serves it.
            if (status === 403 && tooLarge(err))
                return this.readBlob(path);
            if (permissionRefused(err)) {
                throw new _unavailable_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubUnavailable */ .k(`cannot read ${this.where}: HTTP ${status} (the job needs permissions: contents: read)`);
            }
            throw err;
        }
        // Files of 1 to 100 MB come without their content (encoding "none"): read them through the git blobs API.
        if (data.encoding === 'none' || (data.content === '' && (data.size ?? 0) > 0)) {
            const blob = await this.octokit.rest.git.getBlob({ ...this.repo, file_sha: data.sha });
            return { text: Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'), sha: data.sha };
        }
        return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
    }
    /** The names of the files in a folder of the branch; none when the folder (or the branch) does not exist. */
    async list(folder) {
        try {
            const res = await this.octokit.rest.repos.getContent({ ...this.repo, path: folder, ref: this.branch });
            if (!Array.isArray(res.data))
                throw new Error(`${folder} on ${this.where} is not a folder`);
            return res.data.filter((e) => e.type === 'file').map((e) => e.name);
        }
        catch (err) {
            const status = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c)(err);
            if (status === 404)
                return [];
            if (permissionRefused(err)) {
                throw new _unavailable_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubUnavailable */ .k(`cannot read ${this.where}: HTTP ${status} (the job needs permissions: contents: read)`);
            }
            throw err;
        }
    }
    /**
     * A file over the contents API's 1 MB: its sha from the folder's listing (which GitHub gives
     * whatever the files' sizes), its content from the git blobs API (up to 100 MB).
     */
    async readBlob(path) {
        const slash = path.lastIndexOf('/');
        const folder = slash < 0 ? '' : path.slice(0, slash);
        try {
            const listing = await this.octokit.rest.repos.getContent({ ...this.repo, path: folder, ref: this.branch });
            const entry = Array.isArray(listing.data) ? listing.data.find((e) => e.path === path) : undefined;
            if (!entry)
                throw new Error(`${path} is not in the listing of ${folder || 'the top folder'}`);
            const blob = await this.octokit.rest.git.getBlob({ ...this.repo, file_sha: entry.sha });
            return { text: Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'), sha: entry.sha };
        }
        catch (err) {
            const status = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c)(err);
            if (status === 401 || status === 403) {
                throw new Error(`cannot read ${path} on ${this.where}: the file is over the contents API's 1 MB, and reading it through the git blobs API failed too (HTTP ${status}); split or remove the file on the branch`);
            }
            throw err;
        }
    }
    /**
     * Writes `next(current)`; on a conflict reads again and recomputes. `first` is what the caller
     * already read, which saves a request on the first attempt.
     */
    async update(path, next, message, first) {
        let current = first ?? (await this.read(path));
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            const text = next(current.text);
            // Nothing to change (a retried write that had landed): no empty commit.
            if (current.text !== undefined && text === current.text)
                return text;
            try {
                if (current.sha === null && !(await this.branchExists())) {
                    await this.createBranchWith(path, text, message);
                }
                else {
                    await this.octokit.rest.repos.createOrUpdateFileContents({
                        ...this.repo,
                        path,
                        message,
                        content: Buffer.from(text).toString('base64'),
                        branch: this.branch,
                        ...(current.sha ? { sha: current.sha } : {}),
                    });
                }
                return text;
            }
            catch (err) {
                const status = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c)(err);
                if (permissionRefused(err)) {
                    throw new _unavailable_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubUnavailable */ .k(`cannot write ${this.where}: HTTP ${status} (the job needs permissions: contents: write)`);
                }
                // 409: the file changed since it was read; 422: it or the branch appeared meanwhile. Read again.
                if (status !== 409 && status !== 422)
                    throw err;
                current = await this.read(path);
            }
        }
        throw new Error(`gave up writing ${path} to ${this.where} after ${MAX_ATTEMPTS} conflicting attempts`);
    }
    async branchExists() {
        try {
            await this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${this.branch}` });
            return true;
        }
        catch (err) {
            if ((0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c)(err) === 404)
                return false;
            throw err;
        }
    }
    async createBranchWith(path, content, message) {
        const tree = await this.octokit.rest.git.createTree({ ...this.repo, tree: [{ path, mode: '100644', type: 'blob', content }] });
        const commit = await this.octokit.rest.git.createCommit({ ...this.repo, message, tree: tree.data.sha, parents: [] });
        await this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${this.branch}`, sha: commit.data.sha });
    }
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
