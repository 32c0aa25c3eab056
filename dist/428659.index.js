export const id = 428659;
export const ids = [428659];
export const modules = {

/***/ 36922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ parseState),
/* harmony export */   Km: () => (/* binding */ MARKER_PREFIX),
/* harmony export */   Md: () => (/* binding */ encodeState),
/* harmony export */   dS: () => (/* binding */ labelsFor),
/* harmony export */   gY: () => (/* binding */ parseMarker),
/* harmony export */   tS: () => (/* binding */ repairState)
/* harmony export */ });
/* unused harmony export severityFromLabels */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var _core_severity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60432);


/**
 * An incident's state, kept in its issue's body: a hidden marker with the fingerprint and a
 * schema-checked state comment (base64url JSON, the last one wins), repaired from the labels when
 * a person edited the body. The codec only: reconcile.ts decides, body.ts writes the text.
 */
const MARKER_PREFIX = '<!-- launchguard:fingerprint=';
const STATE_PREFIX = '<!-- launchguard:state ';
/** What an incident remembers between runs, in a hidden block at the end of its issue's body. */
const stateSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    v: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(1),
    fingerprint: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    severity: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_core_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC),
    /** The finding's stable title, without the severity. */
    title: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    detail: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    remediation: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** The other checks' findings this outage explains (one outage, one finding). */
    related: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    firstSeen: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    lastSeen: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** Every failing run of this incident. */
    failingRuns: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(0),
    consecutiveFailing: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(0),
    consecutivePassing: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(0),
    openedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** The last time the issue was opened or reopened: reminders count from it or the last reminder. */
    lastOpenedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    lastReminder: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** A severity other than the issue's, seen on `pendingRuns` consecutive runs: it changes after close-after. */
    pendingSeverity: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_core_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC).optional(),
    pendingRuns: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(1).optional(),
    /** The most severe level the issue has had: a channel told of it hears its close (notifications). */
    peakSeverity: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_core_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC).optional(),
    runUrl: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
function labelsFor(cfg, severity, environment) {
    return [cfg.labels.base, cfg.labels[severity], `${cfg.labels['environment-prefix']}${environment}`];
}
function parseMarker(body) {
    if (!body)
        return undefined;
    const i = body.indexOf(MARKER_PREFIX);
    if (i < 0)
        return undefined;
    const end = body.indexOf(' -->', i);
    return end < 0 ? undefined : body.slice(i + MARKER_PREFIX.length, end);
}
/**
 * The state block: base64url JSON, always the last thing in the body. Only the last block is read,
 * so text placed before it (a finding's detail comes from the target) cannot forge state, and the
 * encoding holds no ` -->` that would cut it short.
 */
function encodeState(s) {
    return `${STATE_PREFIX}${Buffer.from(JSON.stringify(s), 'utf8').toString('base64url')} -->`;
}
/** The incident state of a body, validated; undefined when there is none or it does not parse. */
function parseState(body) {
    if (!body)
        return undefined;
    const i = body.lastIndexOf(STATE_PREFIX);
    if (i < 0)
        return undefined;
    const end = body.indexOf(' -->', i);
    if (end < 0)
        return undefined;
    const payload = body.slice(i + STATE_PREFIX.length, end).trim();
    try {
        // Bodies written before the encoding hold the JSON as it is.
        const text = payload.startsWith('{') ? payload : Buffer.from(payload, 'base64url').toString('utf8');
        const parsed = stateSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The state of a launchguard issue whose block is missing or damaged, rebuilt from what GitHub
 * keeps for it: the severity label (or the title's [SEVn]), the title and the creation time. The
 * counters start again, so the incident goes on being managed instead of staying open forever.
 */
function repairState(issue, cfg) {
    const fromTitle = _core_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.find((s) => issue.title.startsWith(`[${(0,_core_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .sevName */ .ar)(s)}] `));
    const severity = severityFromLabels(issue.labels, cfg) ?? fromTitle ?? 'sev3';
    const title = fromTitle ? issue.title.slice((0,_core_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .sevName */ .ar)(fromTitle).length + 3) : issue.title;
    return {
        v: 1,
        fingerprint: issue.fingerprint,
        severity,
        title,
        detail: 'the state kept in this issue could not be read; launchguard rebuilt it from the issue\'s labels and title',
        firstSeen: issue.createdAt,
        lastSeen: issue.createdAt,
        failingRuns: 0,
        consecutiveFailing: 0,
        consecutivePassing: 0,
        openedAt: issue.createdAt,
    };
}
function severityFromLabels(labels, cfg) {
    return _core_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.find((s) => labels.includes(cfg.labels[s]));
}


/***/ }),

/***/ 35386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R8: () => (/* binding */ formatPct),
  rK: () => (/* binding */ renderPageHtml),
  mQ: () => (/* binding */ renderPageJson),
  Ee: () => (/* binding */ windowWords)
});

// UNUSED EXPORTS: dayLevel

// EXTERNAL MODULE: ./node_modules/escape-html/index.js
var escape_html = __webpack_require__(12759);
var escape_html_default = /*#__PURE__*/__webpack_require__.n(escape_html);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/core/severity.ts
var severity = __webpack_require__(60432);
;// CONCATENATED MODULE: ./src/page/style.ts
/**
 * The page's inline stylesheet: system fonts, light and dark by `prefers-color-scheme`, colours
 * with at least 4.5:1 contrast for text, and every bar level also told by its height and pattern
 * (and its text), never by colour alone. No external resource.
 */
const PAGE_CSS = `
:root{--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--good:#1a7f37;--fair:#9a6700;--poor:#bc4c00;--bad:#cf222e;--none:#8c959f;--card:#f6f8fa;--link:#0550ae}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--good:#3fb950;--fair:#d29922;--poor:#f0883e;--bad:#f85149;--none:#6e7681;--card:#161b22;--link:#79c0ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem}
a{color:var(--link)}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:0}
.muted{color:var(--muted)}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.75rem;margin:.75rem 0}
.head{display:flex;flex-wrap:wrap;gap:.5rem;justify-content:space-between;align-items:baseline}
.state{font-weight:600}
.state-up{color:var(--good)}.state-down{color:var(--bad)}.state-unknown{color:var(--muted)}
.bars{display:flex;gap:1px;align-items:flex-end;height:2.2rem;margin:.5rem 0 .25rem;padding:0;list-style:none}
.bars li{flex:1 1 0;min-width:1px;height:100%;border-radius:1px}
.lvl-good{background:var(--good)}
.lvl-fair{background:var(--fair)}
.lvl-poor{background:repeating-linear-gradient(45deg,var(--poor) 0 3px,var(--bg) 3px 4px)}
.lvl-bad{background:repeating-linear-gradient(90deg,var(--bad) 0 2px,var(--bg) 2px 3px)}
.lvl-none{background:repeating-linear-gradient(-45deg,var(--none) 0 2px,transparent 2px 4px)}
.bars .lvl-fair{height:85%}.bars .lvl-poor{height:70%}.bars .lvl-bad{height:55%}.bars .lvl-none{height:25%}
.axis{display:flex;justify-content:space-between;font-size:.8rem}
dl.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(6.5rem,1fr));gap:.25rem .75rem;margin:.5rem 0}
dl.figures div{display:flex;flex-direction:column}
dl.figures dt{font-size:.8rem;color:var(--muted)}
dl.figures dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
figure.p95{margin:.25rem 0}
svg.spark{width:100%;height:2.5rem;display:block}
svg.spark polyline{fill:none;stroke:var(--link);stroke-width:1.5;vector-effect:non-scaling-stroke}
.legend{display:flex;flex-wrap:wrap;gap:.75rem;font-size:.85rem;padding:0;list-style:none}
.legend span.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
.table-wrap{overflow-x:auto}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
@media (max-width:30rem){main{padding:.5rem}.bars{height:1.8rem;gap:0}}
`;

// EXTERNAL MODULE: ./src/page/model.ts
var model = __webpack_require__(34934);
;// CONCATENATED MODULE: ./src/page/html.ts





function dayLevel(d) {
    const a = d.availabilityPct;
    if (a === undefined)
        return 'none';
    if (a >= 99.9)
        return 'good';
    if (a >= 99)
        return 'fair';
    if (a >= 95)
        return 'poor';
    return 'bad';
}
const LEVEL_WORDS = { good: '≥ 99.9 % up', fair: '99–99.9 % up', poor: '95–99 % up', bad: 'under 95 % up', none: 'not observed' };
const e = (s) => escape_html_default()(s);
/** Two decimals, rounded down (99.999 is not shown as 100.00). */
function formatPct(p) {
    return p === undefined ? '—' : `${(Math.floor(p * 100) / 100).toFixed(2)} %`;
}
function safeHref(url) {
    try {
        const u = new URL(url);
        return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
    }
    catch {
        return undefined;
    }
}
const STATE_WORDS = { up: 'Up', down: 'Down', unknown: 'No data' };
function dayTitle(d) {
    const parts = [`${d.day}: ${d.availabilityPct === undefined ? 'not observed' : `${formatPct(d.availabilityPct)} up`}`];
    if (d.downMs > 0)
        parts.push(`down ${(0,duration/* formatDuration */.a3)(d.downMs)}`);
    if (d.unobservedMs > 0 && d.availabilityPct !== undefined)
        parts.push(`unobserved ${(0,duration/* formatDuration */.a3)(d.unobservedMs)}`);
    if (d.p95Ms !== undefined)
        parts.push(`p95 ${(0,duration/* formatMs */._V)(d.p95Ms)}`);
    return parts.join(', ');
}
function bars(s, label) {
    const items = s.days.map((d) => {
        const lvl = dayLevel(d);
        return `<li class="lvl-${lvl}" data-day="${d.day}" data-level="${lvl}" title="${e(dayTitle(d))}"><span class="sr-only">${e(dayTitle(d))}</span></li>`;
    });
    const first = s.days[0]?.day ?? '';
    const last = s.days.at(-1)?.day ?? '';
    return `<ol class="bars" aria-label="${e(`Daily uptime of ${label}, ${first} to ${last}`)}">${items.join('')}</ol><div class="axis muted" aria-hidden="true"><span>${e(first)}</span><span>${e(last)}</span></div>`;
}
/** The daily p95 latency as an SVG line (gaps where a day has no run), with its summary as text. */
function sparkline(s) {
    const values = s.days.map((d) => d.p95Ms);
    const known = values.filter((v) => v !== undefined);
    if (known.length === 0)
        return '';
    const max = Math.max(...known, 1);
    const n = values.length;
    const segments = [[]];
    values.forEach((v, i) => {
        if (v === undefined)
            segments.push([]);
        else
            segments.at(-1).push(`${((i + 0.5) * 100 / n).toFixed(2)},${(38 - (36 * v) / max).toFixed(1)}`);
    });
    const lines = segments.filter((seg) => seg.length).map((seg) => `<polyline points="${seg.length === 1 ? `${seg[0]} ${seg[0]}` : seg.join(' ')}"/>`);
    const latest = known.at(-1);
    const summary = `p95 latency per day: latest ${(0,duration/* formatMs */._V)(latest)}, highest ${(0,duration/* formatMs */._V)(max)}`;
    return `<figure class="p95"><svg class="spark" viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label="${e(summary)}">${lines.join('')}</svg><figcaption class="muted">${e(summary)}</figcaption></figure>`;
}
/** "30 d", "36 h": the SLO window as configured. */
function windowWords(ms) {
    return ms % 86_400_000 === 0 ? `${ms / 86_400_000} d` : (0,duration/* formatDuration */.a3)(ms);
}
function figures(s) {
    const items = model/* WINDOWS */.CB.map((w) => `<div><dt>Availability ${w.key}</dt><dd data-window="${w.key}">${formatPct(s.windows[w.key])}</dd></div>`);
    if (s.slo) {
        items.push(`<div><dt>SLO (${e(windowWords(s.slo.windowMs))})</dt><dd>${formatPct(s.slo.targetPct)}</dd></div>`);
        items.push(`<div><dt>Error budget left</dt><dd data-budget>${s.slo.budgetRemainingPct < 0 ? 'overspent ' : ''}${formatPct(s.slo.budgetRemainingPct)}</dd></div>`);
    }
    return `<dl class="figures">${items.join('')}</dl>`;
}
function subjectCard(env, s) {
    const name = s.probe ?? `${env} (all probes)`;
    const heading = s.probe ? `<h3 class="probe-name">${e(s.probe)}</h3>` : `<h3>All probes</h3>`;
    const last = s.lastRunAt ? ` <span class="muted">last run ${e(s.lastRunAt.replace('T', ' ').slice(0, 16))} UTC</span>` : '';
    return `<section class="card subject" data-probe="${e(s.probe ?? '')}" aria-label="${e(name)}"><div class="head">${heading}<p><span class="state state-${s.state}">${STATE_WORDS[s.state]}</span>${last}</p></div>${bars(s, name)}${figures(s)}${sparkline(s)}</section>`;
}
function incidentsTable(list) {
    if (list.length === 0)
        return '<p class="muted">No open or recent incidents.</p>';
    const rows = list.map((i) => {
        const href = safeHref(i.url);
        const title = href ? `<a href="${e(href)}">${e(i.title)}</a>` : e(i.title);
        return `<tr><td>${i.open ? '<strong>Open</strong>' : 'Resolved'}</td><td>${(0,severity/* sevName */.ar)(i.severity)}</td><td>${title}</td><td>${e(i.openedAt.replace('T', ' ').slice(0, 16))} UTC</td><td>${e((0,duration/* formatDuration */.a3)(i.durationMs))}${i.open ? ' so far' : ''}</td></tr>`;
    });
    return `<div class="table-wrap"><table><caption class="sr-only">Open and recent incidents</caption><thead><tr><th scope="col">Status</th><th scope="col">Severity</th><th scope="col">Incident</th><th scope="col">Started</th><th scope="col">Duration</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
function environmentSection(env, incidentsKnown) {
    const id = `env-${env.name}`;
    const cards = [subjectCard(env.name, env.overall), ...env.probes.map((p) => subjectCard(env.name, p))];
    const incidents = incidentsKnown ? `<h3>Incidents</h3>${incidentsTable(env.incidents)}` : '';
    return `<section aria-labelledby="${e(id)}"><h2 id="${e(id)}">${e(env.name)} <span class="state state-${env.overall.state}">${STATE_WORDS[env.overall.state]}</span></h2><p class="muted">${env.runs} run${env.runs === 1 ? '' : 's'} in the last 90 days.</p>${cards.join('')}${incidents}</section>`;
}
const LEGEND = `<ul class="legend" aria-label="Bar legend">${Object.keys(LEVEL_WORDS).map((l) => `<li><span class="swatch lvl-${l}" aria-hidden="true"></span>${e(LEVEL_WORDS[l])}</li>`).join('')}</ul>`;
function renderPageHtml(model, opts) {
    const title = opts.title ?? 'Status';
    const generated = model.generatedAt.replace('T', ' ').slice(0, 16);
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark"><title>${e(title)}</title><style>${PAGE_CSS}</style></head>
<body><main><header><h1>${e(title)}</h1><p class="muted">Updated ${e(generated)} UTC by launchguard. Each bar is one UTC day of the last ${model.days}.</p>${LEGEND}</header>
${model.environments.map((env) => environmentSection(env, opts.incidentsKnown)).join('\n')}
${model.environments.length === 0 ? '<p>No environment has a run history yet.</p>' : ''}
</main></body></html>
`;
}
/** status.json: the model itself, for other tools. */
function renderPageJson(model) {
    return `${JSON.stringify(model)}\n`;
}


/***/ }),

/***/ 35580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ incidentsFromIssues)
/* harmony export */ });
/* harmony import */ var _incidents_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36922);

/**
 * launchguard's incident issues as the page and the review show them, pure: the environment is the
 * fingerprint's first part; severity, title and start come from the issue's state block, or, when
 * that was edited away, from what the incidents code rebuilds it from (label or `[SEVn]` title,
 * creation time); the start is the last (re)opening; the link is the issue's page.
 */
function incidentsFromIssues(issues, cfg, repoUrl) {
    return issues.flatMap((i) => {
        const colon = i.fingerprint.indexOf(':');
        if (colon <= 0)
            return [];
        const s = i.incident ?? (0,_incidents_state_js__WEBPACK_IMPORTED_MODULE_0__/* .repairState */ .tS)(i, cfg);
        return [{
                environment: i.fingerprint.slice(0, colon),
                title: s.title,
                severity: s.severity,
                url: `${repoUrl}/issues/${i.number}`,
                openedAt: s.lastOpenedAt ?? s.openedAt,
                ...(i.state === 'closed' && i.closedAt ? { closedAt: i.closedAt } : {}),
            }];
    });
}


/***/ }),

/***/ 34934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ah: () => (/* binding */ PAGE_DAYS),
/* harmony export */   CB: () => (/* binding */ WINDOWS),
/* harmony export */   nJ: () => (/* binding */ buildPageModel)
/* harmony export */ });
/* unused harmony exports PAGE_SCHEMA, probeNames, incidentModels */
/* harmony import */ var simple_statistics__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15521);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90081);
/* harmony import */ var _history_judge_slo_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9908);
/* harmony import */ var _history_judge_timeline_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4941);




/**
 * The status page as data, pure: records (+ incident issues) → per environment and probe the
 * current state, a daily bar of up/down/unobserved time, availability over fixed windows, a daily
 * p95 latency series and the SLO. Time is cut with the run history's own timeline (`judge/timeline`),
 * so the page and the SLO judgement agree. No words here: the renderers write them.
 */
const PAGE_SCHEMA = 'launchguard.status/v1';
/** Days in the bar. */
const PAGE_DAYS = 90;
const WINDOWS = [
    { key: '24h', ms: _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_ },
    { key: '7d', ms: 7 * _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_ },
    { key: '30d', ms: 30 * _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_ },
    { key: '90d', ms: 90 * _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_ },
];
const dayStartOf = (ms) => Math.floor(ms / _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_) * _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_;
const pct = (up, down) => (up + down > 0 ? (100 * up) / (up + down) : undefined);
/** Probe names seen in the records, sorted. */
function probeNames(records) {
    const names = new Set();
    for (const r of records)
        for (const k of Object.keys(r.p ?? {}))
            names.add(k);
    return [...names].sort();
}
function latenciesByDay(records, probe, firstDay) {
    const out = new Map();
    for (const r of records) {
        const p = r.p && Object.hasOwn(r.p, probe) ? r.p[probe] : undefined;
        if (!p)
            continue;
        const d = dayStartOf(Date.parse(r.t));
        if (d < firstDay)
            continue;
        const list = out.get(d) ?? [];
        list.push(p[1]);
        out.set(d, list);
    }
    return out;
}
function subjectModel(records, subject, now, slo) {
    const points = (0,_history_judge_timeline_js__WEBPACK_IMPORTED_MODULE_3__/* .pointsOf */ .XE)(records, subject).filter((p) => p.t <= now);
    const fallback = (0,_history_judge_timeline_js__WEBPACK_IMPORTED_MODULE_3__/* .medianInterval */ .c)(points);
    const spans = (0,_history_judge_timeline_js__WEBPACK_IMPORTED_MODULE_3__/* .spansOf */ .Ly)(points, now, fallback);
    const today = dayStartOf(now);
    const firstDay = today - (PAGE_DAYS - 1) * _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_;
    const latencies = subject.kind === 'probe' ? latenciesByDay(records, subject.probe, firstDay) : undefined;
    const days = [];
    for (let d = firstDay; d <= today; d += _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_) {
        const end = Math.min(d + _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_, now);
        const t = (0,_history_judge_timeline_js__WEBPACK_IMPORTED_MODULE_3__/* .tally */ .N4)(spans, d, end);
        const a = pct(t.upMs, t.downMs);
        const lat = latencies?.get(d)?.sort((x, y) => x - y);
        days.push({
            day: new Date(d).toISOString().slice(0, 10),
            upMs: t.upMs,
            downMs: t.downMs,
            unobservedMs: Math.max(0, end - d - t.upMs - t.downMs),
            ...(a !== undefined ? { availabilityPct: a } : {}),
            ...(lat?.length ? { p95Ms: (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .quantileSorted */ .Z4)(lat, 0.95) } : {}),
        });
    }
    const windows = Object.fromEntries(WINDOWS.map((w) => {
        const t = (0,_history_judge_timeline_js__WEBPACK_IMPORTED_MODULE_3__/* .tally */ .N4)(spans, now - w.ms, now);
        return [w.key, pct(t.upMs, t.downMs)];
    }));
    const probed = points.filter((p) => p.up !== undefined);
    const last = probed.at(-1);
    const state = last === undefined ? 'unknown' : last.up ? 'up' : 'down';
    let sloModel;
    if (slo) {
        const s = (0,_history_judge_slo_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeSlo */ .cJ)(points, now, slo, fallback);
        sloModel = { targetPct: s.targetPct, windowMs: s.windowMs, ...(s.availabilityPct !== undefined ? { availabilityPct: s.availabilityPct } : {}), budgetRemainingPct: s.budgetRemainingPct, allowedDownMs: s.allowedDownMs, downMs: s.downMs };
    }
    return {
        ...(subject.kind === 'probe' ? { probe: subject.probe } : {}),
        state,
        ...(last ? { lastRunAt: new Date(last.t).toISOString() } : {}),
        windows,
        days,
        ...(sloModel ? { slo: sloModel } : {}),
    };
}
/** Open incidents, and those closed within the page's 90 days; open first, then the newest. */
function incidentModels(incidents, environment, now) {
    const since = now - PAGE_DAYS * _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_;
    return incidents
        .filter((i) => i.environment === environment && (i.closedAt === undefined || Date.parse(i.closedAt) >= since))
        .map((i) => {
        const end = i.closedAt === undefined ? now : Date.parse(i.closedAt);
        return { ...i, open: i.closedAt === undefined, durationMs: Math.max(0, end - Date.parse(i.openedAt)) };
    })
        .sort((a, b) => Number(b.open) - Number(a.open) || Date.parse(b.openedAt) - Date.parse(a.openedAt));
}
/** The page of every environment at `now`. */
function buildPageModel(environments, incidents, now) {
    return {
        schema: PAGE_SCHEMA,
        generatedAt: new Date(now).toISOString(),
        days: PAGE_DAYS,
        environments: environments.map((e) => {
            const records = e.records.filter((r) => Date.parse(r.t) <= now && Date.parse(r.t) >= now - PAGE_DAYS * _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_ - _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .HOUR */ .dp * 48);
            const envSlo = e.slo ? { targetPct: e.slo.availability, windowMs: e.slo.window } : undefined;
            return {
                name: e.name,
                overall: subjectModel(records, { kind: 'environment' }, now, envSlo),
                probes: probeNames(records).map((probe) => {
                    const ps = e.slo?.probes && Object.hasOwn(e.slo.probes, probe) ? e.slo.probes[probe] : undefined;
                    return subjectModel(records, { kind: 'probe', probe }, now, ps ? { targetPct: ps.availability, windowMs: ps.window ?? e.slo.window } : undefined);
                }),
                incidents: incidentModels(incidents, e.name, now),
                runs: records.filter((r) => Date.parse(r.t) >= now - PAGE_DAYS * _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .DAY */ .d_).length,
            };
        }),
    };
}


/***/ })

};
