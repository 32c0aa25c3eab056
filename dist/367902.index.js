export const id = 367902;
export const ids = [367902];
export const modules = {

/***/ 50720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readShards: () => (/* binding */ readShards)
/* harmony export */ });
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37827);

/**
 * The merge run's input: JSON (an array of shard results, or an object such as the shard jobs'
 * outputs whose values are shard results), or report files by path or glob.
 */
async function readShards(input, env) {
    const { parseShardResult } = await Promise.all(/* import() */[__webpack_require__.e(599495), __webpack_require__.e(420492)]).then(__webpack_require__.bind(__webpack_require__, 97180));
    const text = input.trim();
    if (text.startsWith('{') || text.startsWith('[')) {
        let raw;
        try {
            raw = JSON.parse(text);
        }
        catch {
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('input shards: starts like JSON but is not valid JSON');
        }
        const entries = Array.isArray(raw) ? raw.map((v, i) => [`shards[${i}]`, v]) : Object.entries(raw);
        return entries.filter(([, v]) => v !== '' && v !== null).map(([k, v]) => ({ result: parseShardResult(v, `output ${k}`), source: `output ${k}` }));
    }
    const { readFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23));
    const { globSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
    const { resolve } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 76760, 23));
    const root = env.GITHUB_WORKSPACE ?? process.cwd();
    const files = text.split(/[\n,]+/).map((p) => p.trim()).filter(Boolean).flatMap((p) => (/[*?[]/.test(p) ? globSync(p, { cwd: root }).sort() : [p]));
    if (files.length === 0)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`input shards: no file matches ${JSON.stringify(text)}`);
    return Promise.all(files.map(async (f) => {
        let body;
        try {
            body = await readFile(resolve(root, f), 'utf8');
        }
        catch (err) {
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`input shards: cannot read ${f}: ${err.code ?? err.message}`);
        }
        return { result: parseShardResult(body, f), source: f };
    }));
}


/***/ })

};
