export const id = 127562;
export const ids = [127562];
export const modules = {

/***/ 76263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runIndexes: () => (/* binding */ runIndexes)
/* harmony export */ });
/* harmony import */ var mongodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84294);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70370);
/* harmony import */ var _config_mongodb_uri_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84739);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17616);




/**
 * Reads what the deployment has, and nothing else: listCollections, listIndexes, $indexStats and
 * explain. It never creates or drops anything. The built-in `read` role on the database suffices;
 * `$indexStats` (report-unused) needs `clusterMonitor`.
 */
async function runIndexes(cfg, uri) {
    const host = (0,_config_mongodb_uri_js__WEBPACK_IMPORTED_MODULE_1__/* .mongoHosts */ .e)(uri);
    const base = { database: cfg.database, host };
    const options = {
        appName: 'launchguard',
        serverSelectionTimeoutMS: cfg.timeout,
        connectTimeoutMS: cfg.timeout,
        socketTimeoutMS: Math.max(cfg.timeout * 6, 30_000),
        maxPoolSize: cfg.concurrency,
        ...cfg['driver-options'],
    };
    let client;
    try {
        client = new mongodb__WEBPACK_IMPORTED_MODULE_0__.MongoClient(uri, options);
    }
    catch (err) {
        return { ...base, connected: false, error: { kind: 'connect', message: `invalid connection string or options: ${messageOf(err)}` }, collections: [], queries: [], notes: [] };
    }
    try {
        try {
            await client.connect();
            await client.db(cfg.database).command({ ping: 1 });
        }
        catch (err) {
            const e = err;
            const auth = e.code === 18 || e.codeName === 'AuthenticationFailed' || /auth/i.test(messageOf(err));
            return { ...base, connected: false, error: { kind: auth ? 'auth' : 'connect', message: messageOf(err) }, collections: [], queries: [], notes: [] };
        }
        const db = client.db(cfg.database);
        const notes = [];
        const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
        const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A)(cfg.concurrency);
        let statsDenied = false;
        let statsFailed;
        let explainDenied = false;
        const collections = await Promise.all(Object.keys(cfg.collections).map((name) => limit(async () => {
            if (!existing.has(name))
                return { name, exists: false, indexes: [] };
            const coll = db.collection(name);
            const indexes = (await coll.listIndexes().toArray());
            let stats;
            if (cfg['report-unused'] && !statsDenied && statsFailed === undefined) {
                try {
                    const rows = await coll.aggregate([{ $indexStats: {} }]).toArray();
                    stats = rows.map((r) => ({ name: String(r.name), ops: Number(r.accesses?.ops ?? 0), since: new Date(r.accesses?.since).toISOString() }));
                }
                catch (err) {
                    // Denied, or not supported at all (a MongoDB-compatible service): a note, not the end of the check.
                    if (isUnauthorized(err))
                        statsDenied = true;
                    else
                        statsFailed = messageOf(err);
                }
            }
            return { name, exists: true, indexes: indexes.map(plain), ...(stats ? { stats } : {}) };
        })));
        if (statsDenied)
            notes.push('indexes: $indexStats is not permitted for this user, so unused indexes were not checked (it needs the clusterMonitor role)');
        if (statsFailed !== undefined)
            notes.push(`indexes: $indexStats failed (${statsFailed}), so unused indexes were not checked (some MongoDB-compatible services do not support it)`);
        const queries = await Promise.all(cfg.queries.map((q) => limit(async () => {
            const base = { name: q.name, collection: q.collection };
            if (explainDenied)
                return { ...base, stages: [], collscan: false, error: 'explain not permitted' };
            if (!existing.has(q.collection))
                return { ...base, stages: [], collscan: false, error: 'the collection does not exist' };
            try {
                const cursor = db.collection(q.collection).find(q.filter, q.sort ? { sort: q.sort } : {});
                const { stages, indexNames } = (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .planStages */ .VC)((await cursor.explain('queryPlanner')));
                return { ...base, stages, collscan: stages.includes('COLLSCAN'), ...(indexNames.length ? { indexName: indexNames[0] } : {}) };
            }
            catch (err) {
                if (!isUnauthorized(err))
                    return { ...base, stages: [], collscan: false, error: messageOf(err) };
                explainDenied = true;
                return { ...base, stages: [], collscan: false, error: 'explain not permitted' };
            }
        })));
        if (explainDenied)
            notes.push('indexes: explain is not permitted for this user, so query plans were not checked (the read role allows it)');
        return { ...base, connected: true, collections, queries, notes };
    }
    finally {
        await client.close();
    }
}
function isUnauthorized(err) {
    const e = err;
    return e.code === 13 || e.codeName === 'Unauthorized';
}
function messageOf(err) {
    return err instanceof Error ? err.message : String(err);
}
/** Index documents as plain JSON (BSON numbers to numbers). */
function plain(doc) {
    return JSON.parse(JSON.stringify(doc, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
}


/***/ })

};
