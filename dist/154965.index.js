export const id = 154965;
export const ids = [154965];
export const modules = {

/***/ 54494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ historyFileName)
/* harmony export */ });
function historyFileName(environment) {
    return `${environment.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`;
}


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BRANCH_ROOT: () => (/* binding */ BRANCH_ROOT),
  GitHubRunStore: () => (/* binding */ GitHubRunStore),
  hasLine: () => (/* binding */ hasLine),
  inOrder: () => (/* binding */ inOrder)
});

// EXTERNAL MODULE: ./src/baseline/store.ts
var store = __webpack_require__(54494);
;// CONCATENATED MODULE: ./src/history/files.ts

/**
 * Where run records live, pure: one folder per environment, one file per month (UTC), and a
 * further part of the month when a file would pass MAX_PART_BYTES (the contents API serves files
 * up to 1 MB): `2026-11.jsonl`, then `2026-11.2.jsonl`, ...
 */
const MAX_PART_BYTES = 900 * 1024;
/** The environment's folder under a root (`launchguard/history` on the data branch, the CLI's directory). */
function environmentFolder(root, environment) {
    // The baseline's file-name rule (`prod.json` beside `prod/`), without its extension.
    return `${root}/${(0,store/* historyFileName */.c)(environment).slice(0, -'.json'.length)}`;
}
/** 'YYYY-MM' of a time, in UTC. */
function monthOf(ms) {
    return new Date(ms).toISOString().slice(0, 7);
}
function partName(month, part) {
    return part <= 1 ? `${month}.jsonl` : `${month}.${part}.jsonl`;
}
const PART = /^(\d{4}-\d{2})(?:\.(\d{1,4}))?\.jsonl$/;
/** A file name of the history, or undefined for anything else in the folder. */
function parsePartName(name) {
    const m = PART.exec(name);
    if (!m)
        return undefined;
    const part = m[2] === undefined ? 1 : Number(m[2]);
    return part >= 1 ? { month: m[1], part, name } : undefined;
}
/** Every month from `fromMs` to `toMs`, oldest first. */
function monthsBetween(fromMs, toMs) {
    const out = [];
    const d = new Date(Date.UTC(new Date(fromMs).getUTCFullYear(), new Date(fromMs).getUTCMonth(), 1));
    // Bounded: at most the months of the longest window read (90 days) plus one, and never more than 1200.
    for (let i = 0; i < 1200 && d.getTime() <= toMs; i++) {
        out.push(d.toISOString().slice(0, 7));
        d.setUTCMonth(d.getUTCMonth() + 1);
    }
    return out;
}
/** The files of a folder that hold records from `fromMs` to `toMs`, in time order (month, then part). */
function partsToRead(names, fromMs, toMs) {
    const months = new Set(monthsBetween(fromMs, toMs));
    return names
        .flatMap((n) => {
        const p = parsePartName(n);
        return p && months.has(p.month) ? [p] : [];
    })
        .sort((a, b) => a.month.localeCompare(b.month) || a.part - b.part);
}
/** The part a record of `month` goes to first: the month's last existing part, or its first. */
function currentPart(names, month) {
    let part = 1;
    for (const n of names) {
        const p = parsePartName(n);
        if (p && p.month === month && p.part > part)
            part = p.part;
    }
    return part;
}
/** The file's text with the line appended, or undefined when it would pass `maxBytes` (a file with no record always takes one). */
function appendLine(current, line, maxBytes = MAX_PART_BYTES) {
    const text = current ?? '';
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    const next = `${text}${sep}${line}`;
    if (text.trim() !== '' && Buffer.byteLength(next) > maxBytes)
        return undefined;
    return next;
}

// EXTERNAL MODULE: ./src/history/record.ts
var history_record = __webpack_require__(5799);
;// CONCATENATED MODULE: ./src/history/github-store.ts


const BRANCH_ROOT = 'launchguard/history';
/** A part that filled up between its read and the write: the record moves on to the next part. */
class PartFull extends Error {
}
/**
 * Run records on the data branch: `launchguard/history/<environment>/<YYYY-MM>[.<part>].jsonl`.
 * Each append is one contents-API write with the blob sha (BranchFiles' optimistic concurrency).
 */
class GitHubRunStore {
    files;
    maxBytes;
    constructor(files, 
    /** The size a part may reach (tests make it small). */
    maxBytes = MAX_PART_BYTES) {
        this.files = files;
        this.maxBytes = maxBytes;
    }
    get where() {
        return this.files.where;
    }
    async read(environment, fromMs, toMs) {
        const folder = environmentFolder(BRANCH_ROOT, environment);
        const parts = partsToRead(await this.files.list(folder), fromMs, toMs);
        const records = [];
        const unknown = new Set();
        const files = [];
        let skipped = 0;
        const bad = [];
        // Newest first: parts are appended in time order, so once a part starts before the window the
        // older ones hold nothing in it (a 7-day window early in a month reads one part of the last, not all).
        for (const p of [...parts].reverse()) {
            const path = `${folder}/${p.name}`;
            const snap = await this.files.read(path);
            if (snap.text === undefined)
                continue;
            const parsed = (0,history_record/* parseRecords */.Q4)(snap.text);
            files.unshift(path);
            records.push(...parsed.records);
            skipped += parsed.skipped;
            for (const line of parsed.badLines)
                bad.push({ file: path, line });
            for (const s of parsed.unknownSchemas)
                unknown.add(s);
            if (parsed.records.some((r) => (0,history_record/* recordTime */.$l)(r) < fromMs))
                break;
        }
        return { records: inOrder(records), files, skipped, bad: bad.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line), unknownSchemas: [...unknown] };
    }
    async append(environment, record) {
        const folder = environmentFolder(BRANCH_ROOT, environment);
        const month = monthOf((0,history_record/* recordTime */.$l)(record));
        let part = currentPart(await this.files.list(folder), month);
        const line = (0,history_record/* recordLine */.IK)(record);
        // Bounded: a part fills at most once per attempt, and a record is far smaller than a part.
        for (let attempt = 0; attempt < 3; attempt++, part++) {
            const path = `${folder}/${partName(month, part)}`;
            try {
                await this.files.update(path, (text) => {
                    // A write that landed but was answered with an error is retried on the new file: once is enough.
                    if (text !== undefined && hasLine(text, line))
                        return text;
                    const next = appendLine(text, line, this.maxBytes);
                    if (next === undefined)
                        throw new PartFull(path);
                    return next;
                }, `launchguard: record ${environment} run ${record.t}`);
                return path;
            }
            catch (err) {
                if (!(err instanceof PartFull))
                    throw err;
            }
        }
        throw new Error(`could not append to the run history of ${environment} on ${this.where}: three parts of ${month} were full`);
    }
}
/** Whether the file already holds this exact line (a record names its run's start to the millisecond). */
function hasLine(text, line) {
    return text.startsWith(line) || text.includes(`\n${line}`);
}
/** Oldest first; a stable sort keeps the files' order for equal times. */
function inOrder(records) {
    return records.map((r, i) => [(0,history_record/* recordTime */.$l)(r), i, r]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
}


/***/ })

};
