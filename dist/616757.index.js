export const id = 616757;
export const ids = [616757];
export const modules = {

/***/ 42368:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubBaselineStore: () => (/* binding */ GitHubBaselineStore),
/* harmony export */   MAX_HISTORY_BYTES: () => (/* binding */ MAX_HISTORY_BYTES),
/* harmony export */   withinSize: () => (/* binding */ withinSize)
/* harmony export */ });
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50964);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54494);


/** The contents API serves files up to 1 MB: the history is kept well below that. */
const MAX_HISTORY_BYTES = 900 * 1024;
/** Drops the oldest entries until the file fits MAX_HISTORY_BYTES, whatever history.max-entries says. Pure. */
function withinSize(h, maxBytes = MAX_HISTORY_BYTES) {
    const size = (x) => Buffer.byteLength(`${JSON.stringify(x, null, 2)}\n`);
    if (size(h) <= maxBytes)
        return h;
    // Entries are alike in size: estimate, then trim one at a time (bounded by the entry count).
    const perEntry = size(h) / Math.max(1, h.entries.length);
    let keep = Math.max(1, Math.floor(maxBytes / perEntry));
    let out = { ...h, entries: h.entries.slice(-keep) };
    while (keep > 1 && size(out) > maxBytes)
        out = { ...h, entries: h.entries.slice(-(--keep)) };
    return out;
}
/** History on the data branch (default `launchguard-data`): `launchguard/<environment>.json`. */
class GitHubBaselineStore {
    files;
    /** What the last read saw, per environment: the first write attempt reuses it. */
    seen = new Map();
    constructor(files) {
        this.files = files;
    }
    get where() {
        return this.files.where;
    }
    path(environment) {
        return `launchguard/${(0,_store_js__WEBPACK_IMPORTED_MODULE_1__/* .historyFileName */ .c)(environment)}`;
    }
    async read(environment) {
        const snap = await this.files.read(this.path(environment));
        this.seen.set(environment, snap);
        return snap.text === undefined ? undefined : (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .parseHistory */ .i6)(snap.text, `${this.path(environment)} on ${this.where}`);
    }
    async append(environment, entry, maxEntries) {
        const path = this.path(environment);
        let next;
        await this.files.update(path, (text) => {
            const current = text === undefined ? undefined : (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .parseHistory */ .i6)(text, `${path} on ${this.where}`);
            next = withinSize((0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .appendEntry */ .D4)(current, environment, entry, maxEntries));
            return `${JSON.stringify(next, null, 2)}\n`;
        }, `launchguard: record ${environment} run ${entry.at}`, this.seen.get(environment));
        this.seen.delete(environment);
        return next;
    }
}


/***/ }),

/***/ 54494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ historyFileName)
/* harmony export */ });
function historyFileName(environment) {
    return `${environment.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`;
}


/***/ })

};
