export const id = 999687;
export const ids = [999687,480492];
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

/***/ 61196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deferredLine: () => (/* binding */ deferredLine),
  listIncidentIssues: () => (/* binding */ listIncidentIssues),
  runIncidents: () => (/* binding */ runIncidents)
});

// EXTERNAL MODULE: ./src/core/limits.ts
var limits = __webpack_require__(36419);
// EXTERNAL MODULE: ./src/incidents/state.ts
var incidents_state = __webpack_require__(36922);
// EXTERNAL MODULE: ./src/incidents/observed.ts
var observed = __webpack_require__(95275);
// EXTERNAL MODULE: ./src/core/severity.ts
var core_severity = __webpack_require__(60432);
// EXTERNAL MODULE: ./src/suppression/suppress.ts
var suppress = __webpack_require__(2512);
// EXTERNAL MODULE: ./src/suppression/render.ts
var render = __webpack_require__(3251);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
;// CONCATENATED MODULE: ./src/incidents/body.ts




/** An incident issue's title and body, rendered from its state. */
function issueTitle(severity, title) {
    return `[${(0,core_severity/* sevName */.ar)(severity)}] ${title}`;
}
const ICON = { sev1: '🔴', sev2: '🟠', sev3: '🟡', sev4: '🔵' };
/** The issue body: rewritten from the state on every run, with the state hidden at the very end. Target text is escaped. */
function renderBody(s, cfg, status) {
    const st = typeof status === 'string' ? (status === 'unchecked' ? { kind: 'unchecked', why: 'not checked this run' } : { kind: status }) : status;
    const t = core_severity/* SEVERITY_TARGETS */.Vl[s.severity];
    const runs = (n) => `${n} run${n === 1 ? '' : 's'}`;
    const statusText = st.kind === 'failing'
        ? `failing (${runs(s.consecutiveFailing)} in a row)`
        : st.kind === 'recovering'
            ? `recovering: ${s.consecutivePassing} of ${cfg['close-after']} passing runs needed to close`
            : st.kind === 'unchecked' || st.kind === 'held'
                ? `${st.kind === 'held' ? 'failing, not counted' : 'not checked this run'} (${(0,markdown.md)(st.why)}); unchanged: ${s.consecutivePassing ? `${s.consecutivePassing} of ${cfg['close-after']} passing runs` : `failing (${runs(s.consecutiveFailing)} in a row)`}`
                : 'resolved';
    const lines = [
        `${incidents_state/* MARKER_PREFIX */.Km}${s.fingerprint} -->`,
        `## ${ICON[s.severity]} ${(0,core_severity/* sevName */.ar)(s.severity)}: ${(0,markdown.md)(s.title)}`,
        '',
        `**What is wrong:** ${(0,markdown.md)(s.detail)}`,
        '',
        ...(s.related?.length ? ['**Part of the same outage** (not separate incidents):', '', ...s.related.map((r) => `- ${(0,markdown.md)(r)}`), ''] : []),
        '| | |',
        '|---|---|',
        `| status | ${statusText} |`,
        `| severity | ${(0,core_severity/* sevName */.ar)(s.severity)}: respond ${t.response}, resolve ${t.resolution} |`,
    ];
    if (s.pendingSeverity && s.pendingRuns) {
        // An escalation waits only while something holds it (a window, a silence); a de-escalation for close-after runs.
        const worse = (0,core_severity/* rank */.Tm)(s.pendingSeverity) < (0,core_severity/* rank */.Tm)(s.severity);
        lines.push(worse
            ? `| severity change | ${(0,core_severity/* sevName */.ar)(s.pendingSeverity)} on ${s.pendingRuns} run${s.pendingRuns === 1 ? '' : 's'}: escalates on the first run nothing holds it |`
            : `| severity change | ${(0,core_severity/* sevName */.ar)(s.pendingSeverity)} on ${s.pendingRuns} of ${cfg['close-after']} runs needed to change it |`);
    }
    lines.push(`| first seen | ${(0,markdown.md)(s.firstSeen)} |`, `| last seen | ${(0,markdown.md)(s.lastSeen)} |`, `| failing runs | ${s.failingRuns} |`, `| fingerprint | ${(0,markdown.md)(s.fingerprint)} |`, '');
    if (s.remediation)
        lines.push('**Remediation**', '', (0,markdown/* codeBlock */.D)(s.remediation), '');
    if (s.runUrl)
        lines.push(`[Latest run](${s.runUrl})`, '');
    lines.push('_Kept up to date by launchguard: it rewrites this description on every run and comments only when the state changes._', '');
    lines.push((0,incidents_state/* encodeState */.Md)(s));
    return lines.join('\n');
}
function durationText(fromIso, to) {
    return (0,duration/* formatDuration */.a3)(Math.max(0, to.getTime() - new Date(fromIso).getTime()));
}
/** The comments reconcile posts when an incident's state changes, in words. */
const comments = {
    duplicate: (kept) => `Duplicate of #${kept}: two runs opened an issue for the same incident at once. launchguard keeps #${kept}.`,
    severityChanged: (worse, from, to, runs, detail) => {
        const t = core_severity/* SEVERITY_TARGETS */.Vl[to];
        return `${worse ? 'Escalated' : 'De-escalated'} from ${(0,core_severity/* sevName */.ar)(from)} to ${(0,core_severity/* sevName */.ar)(to)} (${runs} run${runs === 1 ? '' : 's'} in a row): ${(0,markdown.md)(detail)}\n\nRespond ${t.response}, resolve ${t.resolution}.`;
    },
    reminder: (since, now, failingRuns, detail) => `Still failing after ${durationText(since, now)} (${failingRuns} failing runs). ${(0,markdown.md)(detail)}`,
    reopened: (closedAt, now, detail) => `Reopened: failing again ${durationText(closedAt, now)} after it was closed. ${(0,markdown.md)(detail)}`,
    opened: (f) => {
        const t = core_severity/* SEVERITY_TARGETS */.Vl[f.severity];
        return `Opened at ${(0,core_severity/* sevName */.ar)(f.severity)}: respond ${t.response}, resolve ${t.resolution}. ${(0,markdown.md)(f.detail)}`;
    },
    recovered: (passing, s) => `Recovered: passing for ${passing} run${passing === 1 ? '' : 's'} in a row. The incident lasted ${durationText(s.firstSeen, new Date(s.lastSeen))} from first to last failing run (${s.failingRuns} failing run${s.failingRuns === 1 ? '' : 's'}).`,
    /** Why an open incident was not counted this run (shown in its body). */
    unchecked: (low, min) => (low ? `seen at ${(0,core_severity/* sevName */.ar)(low)}, below min-severity ${(0,core_severity/* sevName */.ar)(min)}` : 'its check did not evaluate it'),
};

;// CONCATENATED MODULE: ./src/incidents/reconcile.ts






function reconcile(input) {
    const { config: cfg, now, environment } = input;
    const iso = now.toISOString();
    const prefix = `${environment}:`;
    const all = input.findings.filter((f) => f.environment === environment);
    const findings = all.filter((f) => (0,core_severity/* rank */.Tm)(f.severity) <= (0,core_severity/* rank */.Tm)(cfg['min-severity']));
    const byFp = new Map(findings.map((f) => [f.fingerprint, f]));
    const belowMin = new Map(all.filter((f) => !byFp.has(f.fingerprint)).map((f) => [f.fingerprint, f]));
    const mine = input.issues.filter((i) => i.fingerprint.startsWith(prefix));
    const stateOf = (i) => i.incident ?? (0,incidents_state/* repairState */.tS)(i, cfg);
    const actions = [];
    const pending = {};
    const toOpen = [];
    const held = [];
    const heldBy = (fp) => (0,suppress/* suppressionOf */.XV)(input.suppression, fp);
    // Open issues per fingerprint, oldest first: a duplicate left by overlapping runs is closed.
    const open = new Map();
    for (const i of [...mine].filter((x) => x.state === 'open').sort((a, b) => a.number - b.number)) {
        const kept = open.get(i.fingerprint);
        const by = heldBy(i.fingerprint);
        if (kept && by)
            held.push({ kind: 'close', fingerprint: i.fingerprint, number: i.number, severity: stateOf(i).severity, title: i.title, by });
        else if (kept) {
            actions.push({ kind: 'close', number: i.number, fingerprint: i.fingerprint, body: renderBody(stateOf(i), cfg, 'resolved'), comment: comments.duplicate(kept.number), reason: 'duplicate' });
        }
        else
            open.set(i.fingerprint, i);
    }
    for (const f of findings) {
        const issue = open.get(f.fingerprint);
        const by = heldBy(f.fingerprint);
        if (issue) {
            const prev = stateOf(issue);
            const oldSev = prev.severity;
            // A failing run in a window (or under a silence) is not counted for closing: the passing runs
            // before it still count after it. Failing runs and last seen are recorded all the same.
            const recoveringHeld = Boolean(by && prev.consecutivePassing);
            const failing = {
                ...failingState(f, prev, issue.createdAt, iso, input.runUrl),
                ...(recoveringHeld
                    ? { consecutiveFailing: prev.consecutiveFailing, consecutivePassing: prev.consecutivePassing }
                    : { consecutiveFailing: (prev.consecutivePassing ? 0 : prev.consecutiveFailing) + 1 }),
                ...(prev.lastReminder ? { lastReminder: prev.lastReminder } : {}),
            };
            // Escalation applies at once: a page must come when the incident becomes SEV1, not runs later.
            // De-escalation keeps the hysteresis: the lower severity must hold for close-after runs in a
            // row, so a value hovering at a level boundary does not comment on every run.
            const seen = f.severity === oldSev ? 0 : prev.pendingSeverity === f.severity ? (prev.pendingRuns ?? 0) + 1 : 1;
            const worse = (0,core_severity/* rank */.Tm)(f.severity) < (0,core_severity/* rank */.Tm)(oldSev);
            const due = seen >= (worse ? 1 : cfg['close-after']);
            // Held: no severity change in maintenance or under a silence. The new severity keeps counting
            // (capped), so it applies on the first run after the window if it still holds.
            if (due && by)
                held.push({ kind: worse ? 'escalate' : 'de-escalate', fingerprint: f.fingerprint, number: issue.number, severity: f.severity, title: f.title, by });
            if (due && !by) {
                const severity = f.severity;
                actions.push({
                    kind: 'update', number: issue.number, fingerprint: f.fingerprint, title: issueTitle(severity, f.title), body: renderBody(failing, cfg, 'failing'),
                    ...relabel(cfg, severity, environment, issue.labels),
                    comment: comments.severityChanged(worse, oldSev, severity, seen, f.detail),
                    change: worse ? 'escalated' : 'de-escalated',
                    from: oldSev,
                });
                continue;
            }
            const next = { ...failing, severity: oldSev, peakSeverity: moreSevere(prev.peakSeverity ?? prev.severity, oldSev), ...(seen > 0 ? { pendingSeverity: f.severity, pendingRuns: Math.min(seen, cfg['close-after']) } : {}) };
            const { addLabels, removeLabels } = relabel(cfg, oldSev, environment, issue.labels);
            const title = issueTitle(oldSev, f.title);
            const remind = cfg['remind-after'];
            const since = Math.max(new Date(prev.lastReminder ?? 0).getTime(), new Date(prev.lastOpenedAt ?? prev.openedAt).getTime());
            const remindDue = remind !== undefined && now.getTime() - since >= remind;
            if (remindDue && by)
                held.push({ kind: 'remind', fingerprint: f.fingerprint, number: issue.number, severity: oldSev, title: f.title, by });
            if (remindDue && !by) {
                actions.push({
                    kind: 'update', number: issue.number, fingerprint: f.fingerprint, ...(title !== issue.title ? { title } : {}),
                    body: renderBody({ ...next, lastReminder: iso }, cfg, 'failing'), addLabels, removeLabels,
                    comment: comments.reminder(next.lastOpenedAt ?? next.openedAt, now, next.failingRuns, f.detail),
                    change: 'reminder',
                });
                continue;
            }
            const status = recoveringHeld && by ? { kind: 'held', why: (0,render/* suppressionText */.Jx)(by) } : 'failing';
            actions.push({ kind: 'update', number: issue.number, fingerprint: f.fingerprint, ...(title !== issue.title ? { title } : {}), body: renderBody(next, cfg, status), addLabels, removeLabels, change: 'updated', ...(by ? { suppressed: by } : {}) });
            continue;
        }
        const closed = mine
            .filter((i) => i.state === 'closed' && i.fingerprint === f.fingerprint && i.closedAt && now.getTime() - new Date(i.closedAt).getTime() <= cfg['reopen-within'])
            .sort((a, b) => new Date(b.closedAt).getTime() - new Date(a.closedAt).getTime())[0];
        if (by) {
            // Held: neither opened nor reopened, and a failing run in maintenance does not count toward open-after.
            held.push({ kind: closed ? 'reopen' : 'open', fingerprint: f.fingerprint, ...(closed ? { number: closed.number } : {}), severity: f.severity, title: f.title, by });
            if (input.pending[f.fingerprint] !== undefined)
                pending[f.fingerprint] = input.pending[f.fingerprint];
            continue;
        }
        if (closed) {
            const next = { ...failingState(f, closed.incident, closed.createdAt, iso, input.runUrl), lastOpenedAt: iso };
            actions.push({
                kind: 'reopen', number: closed.number, fingerprint: f.fingerprint, title: issueTitle(f.severity, f.title), body: renderBody(next, cfg, 'failing'),
                ...relabel(cfg, f.severity, environment, closed.labels),
                comment: comments.reopened(closed.closedAt, now, f.detail),
            });
            continue;
        }
        const count = (input.pending[f.fingerprint] ?? 0) + 1;
        if (count < cfg['open-after'])
            pending[f.fingerprint] = count;
        else
            toOpen.push(f);
    }
    // New incidents, most severe first, up to the cap.
    toOpen.sort((a, b) => (0,core_severity/* rank */.Tm)(a.severity) - (0,core_severity/* rank */.Tm)(b.severity) || a.fingerprint.localeCompare(b.fingerprint));
    const deferred = toOpen.slice(cfg['max-new-per-run']);
    for (const f of toOpen.slice(0, cfg['max-new-per-run'])) {
        const state = { ...failingState(f, undefined, iso, iso, input.runUrl), lastOpenedAt: iso };
        actions.push({
            kind: 'open', fingerprint: f.fingerprint, title: issueTitle(f.severity, f.title), body: renderBody(state, cfg, 'failing'),
            labels: (0,incidents_state/* labelsFor */.dS)(cfg, f.severity, environment),
            comment: comments.opened(f),
        });
    }
    // A deferred finding keeps counting, so it opens on a later run with room under the cap.
    for (const f of deferred)
        pending[f.fingerprint] = Math.max(cfg['open-after'], (input.pending[f.fingerprint] ?? 0) + 1);
    // Open incidents without a finding this run. Only evidence counts as a passing run: the
    // fingerprint's rule was evaluated and found nothing. A check that did not run, a rule skipped
    // (an outage hiding the metrics, a budget breach hiding the regression rule), or a finding below
    // min-severity leaves the incident as it was.
    for (const [fp, issue] of open) {
        if (byFp.has(fp))
            continue;
        const prev = stateOf(issue);
        const run = input.runUrl ? { runUrl: input.runUrl } : {};
        const low = belowMin.get(fp);
        const by = heldBy(fp);
        if (by) {
            // Held: a run in maintenance (or under a silence) is neither failing nor passing; it does not count toward close-after.
            const evidence = !low && (0,observed/* observes */.W)(input.observed, fp);
            if (evidence && prev.consecutivePassing + 1 >= cfg['close-after'])
                held.push({ kind: 'close', fingerprint: fp, number: issue.number, severity: prev.severity, title: prev.title, by });
            actions.push({ kind: 'update', number: issue.number, fingerprint: fp, body: renderBody({ ...prev, ...run }, cfg, { kind: 'unchecked', why: (0,render/* suppressionText */.Jx)(by) }), addLabels: [], removeLabels: [], change: 'unchecked', suppressed: by });
            continue;
        }
        if (low || !(0,observed/* observes */.W)(input.observed, fp)) {
            const why = comments.unchecked(low?.severity, cfg['min-severity']);
            actions.push({ kind: 'update', number: issue.number, fingerprint: fp, body: renderBody({ ...prev, ...run }, cfg, { kind: 'unchecked', why }), addLabels: [], removeLabels: [], change: 'unchecked' });
            continue;
        }
        const passing = prev.consecutivePassing + 1;
        const next = { ...prev, consecutivePassing: passing, consecutiveFailing: 0, ...run };
        if (passing >= cfg['close-after']) {
            actions.push({
                kind: 'close', number: issue.number, fingerprint: fp, body: renderBody(next, cfg, 'resolved'), reason: 'completed',
                comment: comments.recovered(passing, prev),
                incident: { severity: prev.severity, peakSeverity: prev.peakSeverity ?? prev.severity, title: prev.title, detail: prev.detail },
            });
        }
        else {
            actions.push({ kind: 'update', number: issue.number, fingerprint: fp, body: renderBody(next, cfg, 'recovering'), addLabels: [], removeLabels: [], change: 'recovering' });
        }
    }
    return { actions, deferred, pending, held };
}
/**
 * The state after a failing run of `f`, continuing `prev` (when the issue has one). `since` stands
 * in for first seen and opened for an issue without state, or a new one.
 */
function failingState(f, prev, since, iso, runUrl) {
    return {
        v: 1,
        fingerprint: f.fingerprint,
        severity: f.severity,
        title: f.title,
        detail: f.detail,
        ...(f.remediation ? { remediation: f.remediation } : {}),
        ...(f.related?.length ? { related: [...f.related] } : {}),
        firstSeen: prev?.firstSeen ?? since,
        lastSeen: iso,
        failingRuns: (prev?.failingRuns ?? 0) + 1,
        consecutiveFailing: 1,
        consecutivePassing: 0,
        openedAt: prev?.openedAt ?? since,
        peakSeverity: moreSevere(prev?.peakSeverity ?? prev?.severity, f.severity),
        ...(prev?.lastOpenedAt ? { lastOpenedAt: prev.lastOpenedAt } : {}),
        ...(runUrl ? { runUrl } : {}),
    };
}
/** Labels to add and remove, one by one, so that labels people added stay. */
function relabel(cfg, severity, environment, current) {
    return {
        addLabels: (0,incidents_state/* labelsFor */.dS)(cfg, severity, environment).filter((l) => !current.includes(l)),
        removeLabels: core_severity/* SEVERITIES */.oC.filter((s) => s !== severity).map((s) => cfg.labels[s]).filter((l) => current.includes(l)),
    };
}
/** The more severe of two levels (`a` may be unknown). */
function moreSevere(a, b) {
    return a !== undefined && (0,core_severity/* rank */.Tm)(a) < (0,core_severity/* rank */.Tm)(b) ? a : b;
}

;// CONCATENATED MODULE: ./src/incidents/plan-lines.ts


/**
 * The incident plan in words, one line per action: for the action's summary (Markdown, `escape`
 * = md) and the CLI's `--dry-run` (plain text). Pure: titles and fingerprints carry target text,
 * so the caller says how to escape them.
 */
const VERBS = {
    open: ['opened', 'open'],
    reopen: ['reopened', 'reopen'],
    close: ['closed', 'close'],
    escalated: ['escalated', 'escalate'],
    'de-escalated': ['de-escalated', 'de-escalate'],
    updated: ['updated', 'update'],
    recovering: ['marked recovering', 'mark recovering'],
    reminder: ['reminded on', 'remind on'],
    unchecked: ['left unchanged (not checked this run)', 'leave unchanged (not checked this run)'],
};
function describeAction(a, opts = {}) {
    const esc = opts.escape ?? ((s) => s);
    const n = opts.number ?? ('number' in a ? a.number : undefined);
    const ref = n ? `#${n}` : 'a new issue';
    const verb = (k) => VERBS[k][opts.planned ? 1 : 0];
    switch (a.kind) {
        case 'open':
            return `${verb('open')} ${ref} ${esc(a.title)}`;
        case 'reopen':
            return `${verb('reopen')} ${ref} ${esc(a.title)}`;
        case 'close':
            return a.reason === 'duplicate' ? `${verb('close')} ${ref} as a duplicate (${esc(a.fingerprint)})` : `${verb('close')} ${ref}: recovered (${esc(a.fingerprint)})`;
        case 'update':
            // Held by a window or a silence, "not checked" is not the reason: the suppression, named after it, is.
            return `${a.suppressed && a.change === 'unchecked' ? (opts.planned ? 'leave unchanged' : 'left unchanged') : verb(a.change)} ${ref}${a.title ? ` ${esc(a.title)}` : ''} (${esc(a.fingerprint)})${a.suppressed ? `, ${(0,render/* suppressionText */.Jx)(a.suppressed, esc)}` : ''}`;
    }
}
const HELD = {
    open: 'not opened',
    reopen: 'not reopened',
    escalate: 'not escalated',
    'de-escalate': 'not de-escalated',
    remind: 'no reminder',
    close: 'not closed',
};
/** A held action in words: "not opened (in maintenance: weekly-deploy): [SEV1] production: health probe api failing". */
function describeHeld(h, opts = {}) {
    const esc = opts.escape ?? ((s) => s);
    const what = h.kind === 'open' ? esc(`[${(0,core_severity/* sevName */.ar)(h.severity)}] ${h.title}`) : `#${h.number} ${esc(h.title)}${h.kind === 'escalate' || h.kind === 'de-escalate' ? ` at ${(0,core_severity/* sevName */.ar)(h.severity)}` : ''}`;
    return `${HELD[h.kind]} (${(0,render/* suppressionText */.Jx)(h.by, esc)}): ${what}`;
}

// EXTERNAL MODULE: ./src/github/octokit.ts
var github_octokit = __webpack_require__(6702);
// EXTERNAL MODULE: ./src/github/unavailable.ts
var unavailable = __webpack_require__(13997);
;// CONCATENATED MODULE: ./src/incidents/applier.ts








const COLORS = {
    sev1: ['b60205', 'SEV1: critical. Respond < 5 min, resolve < 1 h'],
    sev2: ['d93f0b', 'SEV2: major. Respond < 30 min, resolve < 4 h'],
    sev3: ['fbca04', 'SEV3: minor. Respond < 4 h, resolve < 24 h'],
    sev4: ['0e8a16', 'SEV4: low. Respond < 2 business days, resolve next sprint'],
};
/** Lists launchguard issues, open and closed, through the list endpoint: never search, whose index lags. */
async function listIncidentIssues(octokit, repo, baseLabel, maxPages = 10) {
    const out = [];
    for (let page = 1; page <= maxPages; page++) {
        const res = await octokit.rest.issues.listForRepo({ ...repo, labels: baseLabel, state: 'all', sort: 'updated', direction: 'desc', per_page: 100, page });
        for (const i of res.data) {
            if (i.pull_request)
                continue;
            const fingerprint = (0,incidents_state/* parseMarker */.gY)(i.body);
            if (!fingerprint)
                continue;
            const incident = (0,incidents_state/* parseState */.Bu)(i.body);
            out.push({
                number: i.number,
                state: i.state === 'closed' ? 'closed' : 'open',
                title: i.title,
                labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
                createdAt: i.created_at,
                ...(i.closed_at ? { closedAt: i.closed_at } : {}),
                fingerprint,
                ...(incident ? { incident } : {}),
            });
        }
        if (res.data.length < 100)
            break;
    }
    return out;
}
/** Lists, reconciles and applies: one issue per incident, never duplicates. */
/** Room for the `[SEV1] environment: ` prefix within GitHub's 256-character title. */
const TITLE_MAX = 200;
async function runIncidents(environment, findings, observed, cfg, deps) {
    const { octokit, repo } = deps;
    const issues = await listIncidentIssues(octokit, repo, cfg.labels.base);
    const pendingPath = `launchguard/${environment}.pending.json`;
    const pendingFile = cfg['open-after'] > 1 && deps.files ? await deps.files.read(pendingPath) : undefined;
    const pending = pendingFile?.text ? JSON.parse(pendingFile.text) : {};
    // Target text can be a megabyte: issues and comments carry a bounded cut of it (the report has it all).
    const bounded = findings.map((f) => ({ ...f, title: (0,limits/* clip */.$Q)(f.title, TITLE_MAX), detail: (0,limits/* clip */.$Q)(f.detail, limits/* DETAIL_MAX */.RU) }));
    const incidentPlan = reconcile({ environment, findings: bounded, observed, issues, pending, config: cfg, now: deps.now, runUrl: deps.runUrl, ...(deps.suppression ? { suppression: deps.suppression } : {}) });
    const heldLines = incidentPlan.held.map((h) => describeHeld(h, { escape: markdown.md }));
    if (deps.dryRun) {
        return { incidentPlan, applied: incidentPlan.actions.map((action) => ({ action, ...('number' in action ? { number: action.number } : {}) })), lines: [...incidentPlan.actions.map((a) => `would ${describe(a, undefined, true)}`), ...heldLines] };
    }
    const lines = [];
    const applied = [];
    try {
        if (incidentPlan.actions.some((a) => (a.kind === 'open' ? a.labels.length : a.kind === 'close' ? 0 : a.addLabels.length) > 0)) {
            await ensureLabels(octokit, repo, cfg, environment);
        }
        for (const action of incidentPlan.actions) {
            const number = await apply(action, deps, cfg);
            applied.push({ action, number });
            lines.push(describe(action, number));
        }
        if (deps.files && cfg['open-after'] > 1 && JSON.stringify(pending) !== JSON.stringify(incidentPlan.pending)) {
            await deps.files.update(pendingPath, () => `${JSON.stringify(incidentPlan.pending, null, 2)}\n`, `launchguard: pending incidents of ${environment}`, pendingFile);
        }
    }
    catch (err) {
        const status = (0,github_octokit/* statusOf */.c)(err);
        if (status === 403 || status === 401) {
            throw new unavailable/* GitHubUnavailable */.k(`the token cannot write issues (HTTP ${status}); give the job permissions: issues: write${lines.length ? ` (done before that: ${lines.join('; ')})` : ''}`);
        }
        throw err;
    }
    return { incidentPlan, applied, lines: [...lines, ...heldLines] };
}
/** One line for the summary (Markdown): the title and fingerprint carry target text, so they are escaped. */
function describe(a, number, planned = false) {
    return describeAction(a, { ...(number !== undefined ? { number } : {}), planned, escape: markdown.md });
}
/** Creates the labels launchguard uses that the repository lacks, with a colour and a description. */
async function ensureLabels(octokit, repo, cfg, environment) {
    const existing = new Set();
    for (let page = 1; page <= 10; page++) {
        const res = await octokit.rest.issues.listLabelsForRepo({ ...repo, per_page: 100, page });
        for (const l of res.data)
            existing.add(l.name.toLowerCase());
        if (res.data.length < 100)
            break;
    }
    const wanted = [
        [cfg.labels.base, '5319e7', 'Incident tracked by launchguard'],
        ...core_severity/* SEVERITIES */.oC.map((s) => [cfg.labels[s], COLORS[s][0], COLORS[s][1]]),
        [`${cfg.labels['environment-prefix']}${environment}`, 'c5def5', `launchguard environment ${environment}`],
    ];
    for (const [name, color, description] of wanted) {
        if (existing.has(name.toLowerCase()))
            continue;
        try {
            await octokit.rest.issues.createLabel({ ...repo, name, color, description });
        }
        catch (err) {
            if ((0,github_octokit/* statusOf */.c)(err) !== 422)
                throw err; // 422: created meanwhile by an overlapping run
        }
    }
}
async function apply(a, deps, cfg) {
    const { octokit, repo } = deps;
    switch (a.kind) {
        case 'open': {
            const number = await createOnce(a, deps, cfg);
            await octokit.rest.issues.createComment({ ...repo, issue_number: number, body: a.comment });
            return await dedupe(a.fingerprint, number, deps, cfg);
        }
        case 'update': {
            await octokit.rest.issues.update({ ...repo, issue_number: a.number, body: a.body, ...(a.title ? { title: a.title } : {}) });
            await applier_relabel(a.number, a.addLabels, a.removeLabels, deps);
            if (a.comment)
                await octokit.rest.issues.createComment({ ...repo, issue_number: a.number, body: a.comment });
            return a.number;
        }
        case 'reopen': {
            await octokit.rest.issues.update({ ...repo, issue_number: a.number, state: 'open', state_reason: 'reopened', title: a.title, body: a.body });
            await applier_relabel(a.number, a.addLabels, a.removeLabels, deps);
            await octokit.rest.issues.createComment({ ...repo, issue_number: a.number, body: a.comment });
            return a.number;
        }
        case 'close': {
            await octokit.rest.issues.createComment({ ...repo, issue_number: a.number, body: a.comment });
            await octokit.rest.issues.update({ ...repo, issue_number: a.number, state: 'closed', state_reason: a.reason, ...(a.body ? { body: a.body } : {}) });
            return a.number;
        }
    }
}
/** Labels are added and removed one by one, so labels people added by hand stay. */
async function applier_relabel(number, add, remove, deps) {
    for (const name of add)
        await deps.octokit.rest.issues.addLabels({ ...deps.repo, issue_number: number, labels: [name] });
    for (const name of remove) {
        try {
            await deps.octokit.rest.issues.removeLabel({ ...deps.repo, issue_number: number, name });
        }
        catch (err) {
            if ((0,github_octokit/* statusOf */.c)(err) !== 404)
                throw err; // already gone
        }
    }
}
/**
 * Creates the issue without Octokit's automatic retry: after a 5xx or a network error the first
 * attempt may have landed, so it looks again before trying once more.
 */
async function createOnce(a, deps, cfg) {
    const { octokit, repo } = deps;
    for (let attempt = 1;; attempt++) {
        try {
            const res = await octokit.rest.issues.create({ ...repo, title: a.title, body: a.body, labels: [...a.labels], request: { retries: 0 } });
            return res.data.number;
        }
        catch (err) {
            const status = (0,github_octokit/* statusOf */.c)(err);
            const transient = status === undefined || status >= 500;
            if (!transient || attempt >= 3)
                throw err;
            deps.log(`creating the issue for ${a.fingerprint} failed (${status ?? 'network error'}); looking whether it landed before trying again`);
            const landed = (await listIncidentIssues(octokit, repo, cfg.labels.base)).find((i) => i.state === 'open' && i.fingerprint === a.fingerprint);
            if (landed)
                return landed.number;
        }
    }
}
/** After a create, list again: two overlapping runs may both have opened one. The oldest stays. */
async function dedupe(fingerprint, created, deps, cfg) {
    const same = (await listIncidentIssues(deps.octokit, deps.repo, cfg.labels.base))
        .filter((i) => i.state === 'open' && i.fingerprint === fingerprint)
        .sort((x, y) => x.number - y.number);
    const kept = same[0]?.number ?? created;
    for (const dup of same.slice(1)) {
        await deps.octokit.rest.issues.createComment({ ...deps.repo, issue_number: dup.number, body: `Duplicate of #${kept}: two runs opened an issue for the same incident at once. launchguard keeps #${kept}.` });
        await deps.octokit.rest.issues.update({ ...deps.repo, issue_number: dup.number, state: 'closed', state_reason: 'duplicate' });
    }
    return kept;
}
function deferredLine(deferred, cap) {
    if (deferred.length === 0)
        return undefined;
    // At most 20 named: 10,000 deferred findings must not make the summary itself too large for GitHub.
    const named = deferred.slice(0, 20).map((f) => `[${(0,core_severity/* sevName */.ar)(f.severity)}] ${(0,markdown.md)(f.title)}`);
    const rest = deferred.length - named.length;
    return `${deferred.length} more finding${deferred.length === 1 ? '' : 's'} not opened as issues (at most ${cap} new per run): ${named.join('; ')}${rest > 0 ? `; and ${rest} more in the JSON report` : ''}`;
}


/***/ })

};
