export const id = 901237;
export const ids = [901237];
export const modules = {

/***/ 85700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runReviewMode: () => (/* binding */ runReviewMode)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(37827);
// EXTERNAL MODULE: ./src/config/fields.ts
var fields = __webpack_require__(90081);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(61036);
// EXTERNAL MODULE: ./src/github/runner.ts + 15 modules
var runner = __webpack_require__(34393);
// EXTERNAL MODULE: ./src/page/incidents.ts
var incidents = __webpack_require__(35580);
// EXTERNAL MODULE: ./node_modules/luxon/build/es6/luxon.mjs
var luxon = __webpack_require__(68714);
// EXTERNAL MODULE: ./node_modules/simple-statistics/dist/simple-statistics.mjs
var simple_statistics = __webpack_require__(15521);
// EXTERNAL MODULE: ./src/history/judge/slo.ts
var judge_slo = __webpack_require__(9908);
// EXTERNAL MODULE: ./src/history/judge/timeline.ts
var timeline = __webpack_require__(4941);
;// CONCATENATED MODULE: ./src/review/model.ts





/** The last ISO week (Monday 00:00 to Monday 00:00 UTC) that ended at or before `now`. */
function reviewWeek(now) {
    const end = luxon/* DateTime */.c9.fromMillis(now, { zone: 'utc' }).startOf('week');
    const start = end.minus({ weeks: 1 });
    return { label: `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`, from: start.toMillis(), to: end.toMillis() };
}
/** The guide's time-to-resolve targets in ms (SEV4's "next sprint" has none). */
const RESOLVE_TARGET_MS = { sev1: fields/* HOUR */.dp, sev2: 4 * fields/* HOUR */.dp, sev3: fields/* DAY */.d_, sev4: undefined };
const inRange = (r, from, to) => {
    const t = Date.parse(r.t);
    return t >= from && t < to;
};
function spread(values) {
    if (values.length === 0)
        return undefined;
    return { min: Math.min(...values), median: (0,simple_statistics/* median */.JZ)([...values]), max: Math.max(...values), n: values.length };
}
function percentiles(values) {
    if (values.length === 0)
        return {};
    const s = values.sort((a, b) => a - b);
    return { p50: (0,simple_statistics/* quantileSorted */.Z4)(s, 0.5), p95: (0,simple_statistics/* quantileSorted */.Z4)(s, 0.95) };
}
function trend(now, before) {
    const a = percentiles(now);
    const b = percentiles(before);
    return { ...a, ...(b.p50 !== undefined ? { previousP50: b.p50 } : {}), ...(b.p95 !== undefined ? { previousP95: b.p95 } : {}) };
}
function availability(points, end, from, to) {
    const t = (0,timeline/* tally */.N4)((0,timeline/* spansOf */.Ly)(points.filter((p) => p.t < end), end, (0,timeline/* medianInterval */.c)(points)), from, to);
    const o = t.upMs + t.downMs;
    return { ...t, unobservedMs: to - from - o, ...(o > 0 ? { pct: (100 * t.upMs) / o } : {}) };
}
/** Time each fingerprint spent failing in the week: a run that failed it stands for its span, as a down run does. */
function topProblems(records, week) {
    const subjects = new Set();
    for (const r of records)
        if (inRange(r, week.from, week.to))
            for (const f of r.f ?? [])
                subjects.add(f);
    const fallback = (0,timeline/* medianInterval */.c)(records.map((r) => ({ t: Date.parse(r.t) })));
    return [...subjects]
        .map((subject) => {
        const points = records.map((r) => ({ t: Date.parse(r.t), up: !(r.f ?? []).includes(subject), ...(r.i !== undefined ? { expectedMs: r.i } : {}) }));
        return { subject, failingMs: (0,timeline/* tally */.N4)((0,timeline/* spansOf */.Ly)(points, week.to, fallback), week.from, week.to).downMs };
    })
        .filter((p) => p.failingMs > 0)
        .sort((a, b) => b.failingMs - a.failingMs || a.subject.localeCompare(b.subject))
        .slice(0, 3);
}
function reviewIncidents(incidents, environment, week) {
    const within = (iso) => iso !== undefined && Date.parse(iso) >= week.from && Date.parse(iso) < week.to;
    return incidents
        .filter((i) => i.environment === environment && (within(i.openedAt) || within(i.closedAt)))
        .map((i) => {
        const resolveMs = i.closedAt !== undefined ? Date.parse(i.closedAt) - Date.parse(i.openedAt) : undefined;
        const targetMs = RESOLVE_TARGET_MS[i.severity];
        return {
            ...i,
            openedInWeek: within(i.openedAt),
            closedInWeek: within(i.closedAt),
            ...(resolveMs !== undefined ? { resolveMs } : {}),
            ...(targetMs !== undefined ? { targetMs } : {}),
            ...(resolveMs !== undefined && targetMs !== undefined ? { withinTarget: resolveMs <= targetMs } : {}),
        };
    })
        .sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt));
}
function environmentReview(e, incidents, week) {
    const prev = { from: week.from - 7 * fields/* DAY */.d_, to: week.from };
    const records = e.records.filter((r) => Date.parse(r.t) < week.to);
    const thisWeek = records.filter((r) => inRange(r, week.from, week.to));
    const lastWeek = records.filter((r) => inRange(r, prev.from, prev.to));
    const points = (0,timeline/* pointsOf */.XE)(records, { kind: 'environment' });
    const a = availability(points, week.to, week.from, week.to);
    const b = availability(points, week.from, prev.from, prev.to);
    const probes = [...new Set(thisWeek.flatMap((r) => Object.keys(r.p ?? {})))].sort();
    const lat = (rs, probe) => rs.flatMap((r) => (r.p && Object.hasOwn(r.p, probe) ? [r.p[probe][1]] : []));
    const loads = thisWeek.flatMap((r) => (r.l ? [r.l] : []));
    const metricNames = [...new Set(thisWeek.flatMap((r) => Object.keys(r.m ?? {})))].sort();
    const daily = Array.from({ length: 7 }, (_, d) => {
        const from = week.from + d * fields/* DAY */.d_;
        const day = availability(points, week.to, from, from + fields/* DAY */.d_);
        const p95 = percentiles(thisWeek.filter((r) => inRange(r, from, from + fields/* DAY */.d_)).flatMap((r) => Object.values(r.p ?? {}).map((p) => p[1]))).p95;
        return { day: new Date(from).toISOString().slice(0, 10), ...(day.pct !== undefined ? { availabilityPct: day.pct } : {}), ...(p95 !== undefined ? { p95Ms: p95 } : {}) };
    });
    let slo;
    if (e.slo) {
        const s = (0,judge_slo/* judgeSlo */.cJ)(points.filter((p) => p.t <= week.to), week.to, { targetPct: e.slo.availability, windowMs: e.slo.window }, (0,timeline/* medianInterval */.c)(points));
        slo = { targetPct: s.targetPct, windowMs: s.windowMs, ...(s.availabilityPct !== undefined ? { availabilityPct: s.availabilityPct } : {}), budgetRemainingPct: s.budgetRemainingPct };
    }
    const errorRate = spread(loads.map((l) => l.er));
    const interval = (0,timeline/* medianInterval */.c)(thisWeek.map((r) => ({ t: Date.parse(r.t) })));
    return {
        name: e.name,
        runs: thisWeek.length,
        upMs: a.upMs,
        downMs: a.downMs,
        unobservedMs: a.unobservedMs,
        ...(a.pct !== undefined ? { availabilityPct: a.pct } : {}),
        ...(b.pct !== undefined ? { previousAvailabilityPct: b.pct } : {}),
        ...(slo ? { slo } : {}),
        latency: probes.map((probe) => ({ probe, ...trend(lat(thisWeek, probe), lat(lastWeek, probe)) })),
        ...(errorRate ? { load: { p95: trend(loads.map((l) => l.p95), lastWeek.flatMap((r) => (r.l ? [r.l.p95] : []))), errorRate } } : {}),
        metrics: metricNames.map((name) => ({ name, ...spread(thisWeek.flatMap((r) => (r.m && Object.hasOwn(r.m, name) ? [r.m[name]] : []))) })),
        daily,
        topProblems: topProblems(records, week),
        coverage: { observedPct: (100 * (a.upMs + a.downMs)) / (week.to - week.from), ...(interval !== undefined ? { medianIntervalMs: interval } : {}) },
        incidents: reviewIncidents(incidents, e.name, week),
    };
}
function buildReview(environments, incidents, now) {
    const week = reviewWeek(now);
    return { week, environments: environments.map((e) => environmentReview(e, incidents, week)) };
}

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
// EXTERNAL MODULE: ./src/core/severity.ts
var severity = __webpack_require__(60432);
// EXTERNAL MODULE: ./src/page/html.ts + 1 modules
var html = __webpack_require__(35386);
;// CONCATENATED MODULE: ./src/review/render.ts




/**
 * The Monday review in words: Markdown for the issue, the job summary and report.md, with Mermaid
 * charts. Names from the config and the history are escaped (`md`); Mermaid gets only dates and
 * numbers.
 */
function reviewTitle(review) {
    return `launchguard weekly review ${review.week.label}`;
}
const num = (v, digits = 2) => String(Number(v.toFixed(digits)));
function delta(now, before) {
    if (now === undefined)
        return '—';
    if (before === undefined || before === 0)
        return `${(0,duration/* formatMs */._V)(now)} (no earlier figure)`;
    const change = (100 * (now - before)) / before;
    return `${(0,duration/* formatMs */._V)(now)} (${change >= 0 ? '+' : ''}${num(change, 1)} % vs ${(0,duration/* formatMs */._V)(before)})`;
}
function trendRow(name, t) {
    return `| ${name} | ${delta(t.p50, t.previousP50)} | ${delta(t.p95, t.previousP95)} |`;
}
function spreadRow(name, s, fmt) {
    return `| ${name} | ${fmt(s.min)} | ${fmt(s.median)} | ${fmt(s.max)} | ${s.n} |`;
}
/** Mermaid: the week's daily availability (bars) and pooled probe p95 (line); a day without a figure is left out (a 0 would read as an outage). */
function charts(e) {
    const axis = (days) => `  x-axis [${days.map((d) => `"${d.day.slice(5)}"`).join(', ')}]`;
    const out = [];
    const up = e.daily.flatMap((d) => (d.availabilityPct !== undefined ? [{ day: d.day, v: d.availabilityPct }] : []));
    if (up.length) {
        const low = Math.floor(Math.min(...up.map((d) => d.v)));
        out.push(['```mermaid', 'xychart-beta', '  title "Availability per day (%)"', axis(up), `  y-axis "%" ${Math.max(0, Math.min(low, 100) - 1)} --> 100`, `  bar [${up.map((d) => num(d.v)).join(', ')}]`, '```'].join('\n'));
    }
    const p95 = e.daily.flatMap((d) => (d.p95Ms !== undefined ? [{ day: d.day, v: d.p95Ms }] : []));
    if (p95.length) {
        out.push(['```mermaid', 'xychart-beta', '  title "Probe latency p95 per day (ms)"', axis(p95), '  y-axis "ms"', `  line [${p95.map((d) => num(d.v, 1)).join(', ')}]`, '```'].join('\n'));
    }
    return out.join('\n\n');
}
function environmentSection(e) {
    const lines = [`## ${(0,markdown.md)(e.name)}`, ''];
    const prev = e.previousAvailabilityPct !== undefined ? ` (the week before: ${(0,html/* formatPct */.R8)(e.previousAvailabilityPct)})` : '';
    lines.push(`- **Uptime** ${(0,html/* formatPct */.R8)(e.availabilityPct)}${prev}: ${(0,duration/* formatDuration */.a3)(e.upMs)} up, ${(0,duration/* formatDuration */.a3)(e.downMs)} down, ${(0,duration/* formatDuration */.a3)(e.unobservedMs)} unobserved, ${e.runs} runs.`);
    if (e.slo)
        lines.push(`- **Error budget** at the week's end: ${(0,html/* formatPct */.R8)(e.slo.budgetRemainingPct)} left of ${num(100 - e.slo.targetPct, 4)} % over ${(0,html/* windowWords */.Ee)(e.slo.windowMs)} (objective ${(0,html/* formatPct */.R8)(e.slo.targetPct)}, availability ${(0,html/* formatPct */.R8)(e.slo.availabilityPct)}).`);
    lines.push(`- **Schedule coverage** ${(0,html/* formatPct */.R8)(e.coverage.observedPct)} of the week observed${e.coverage.medianIntervalMs !== undefined ? `, a run every ${(0,duration/* formatDuration */.a3)(e.coverage.medianIntervalMs)} (median)` : ''}.`, '');
    const chart = charts(e);
    if (chart)
        lines.push(chart, '');
    if (e.latency.length || e.load) {
        lines.push('### Latency vs the week before', '', '| | p50 | p95 |', '|---|---|---|');
        for (const l of e.latency)
            lines.push(trendRow(`probe ${(0,markdown.md)(l.probe)}`, l));
        if (e.load)
            lines.push(trendRow('load p95 (over the runs)', e.load.p95));
        lines.push('');
    }
    if (e.load || e.metrics.length) {
        lines.push('### Error rate and metrics', '', '| | min | median | max | runs |', '|---|---|---|---|---|');
        if (e.load)
            lines.push(spreadRow('load error rate', e.load.errorRate, (v) => `${num(100 * v)} %`));
        for (const m of e.metrics)
            lines.push(spreadRow((0,markdown.md)(m.name), m, (v) => num(v)));
        lines.push('');
    }
    lines.push('### Top problems by time failing', '');
    if (e.topProblems.length === 0)
        lines.push('Nothing failed this week.');
    e.topProblems.forEach((p, i) => lines.push(`${i + 1}. ${(0,markdown.md)(p.subject)}: ${(0,duration/* formatDuration */.a3)(p.failingMs)}`));
    lines.push('', '### Incidents', '');
    const opened = e.incidents.filter((i) => i.openedInWeek).length;
    const closed = e.incidents.filter((i) => i.closedInWeek).length;
    lines.push(`${opened} opened, ${closed} closed.`);
    if (e.incidents.length) {
        lines.push('', '| severity | incident | opened | time to resolve | target |', '|---|---|---|---|---|');
        for (const i of e.incidents) {
            const resolve = i.resolveMs === undefined ? 'open' : (0,duration/* formatDuration */.a3)(i.resolveMs);
            const target = i.targetMs === undefined ? 'next sprint' : `${(0,duration/* formatDuration */.a3)(i.targetMs)}${i.withinTarget === undefined ? '' : i.withinTarget ? ' ✅ met' : ' ❌ missed'}`;
            lines.push(`| ${(0,severity/* sevName */.ar)(i.severity)} | [${(0,markdown.md)(i.title)}](${i.url}) | ${i.openedAt.slice(0, 16).replace('T', ' ')} UTC | ${resolve} | ${target} |`);
        }
    }
    return lines.join('\n');
}
function renderReview(review) {
    const from = new Date(review.week.from).toISOString().slice(0, 10);
    const to = new Date(review.week.to - 1).toISOString().slice(0, 10);
    const head = [`# ${reviewTitle(review)}`, '', `${from} to ${to} (UTC), from the run history and the incident issues.`, ''];
    const body = review.environments.length ? review.environments.map(environmentSection) : ['No environment records its history.'];
    return `${[...head, ...body].join('\n')}\n`;
}
/** The review's Markdown, redacted before escaping (`md` makes `sk_live` `sk\\_live`, which the Redactor would miss) and after. */
function reviewMarkdown(review, redactor) {
    return redactor.text(renderReview(redactor.value(review)));
}

;// CONCATENATED MODULE: ./src/review/action.ts









/**
 * `mode: review` (a weekly schedule, on Mondays): the last complete ISO week of every environment
 * that records its history, written to the week's issue (created once, updated on a re-run), the
 * job summary and `report.md` in the workspace. Runs no check.
 */
async function runReviewMode(opts, ctx, github) {
    const loaded = await (0,load/* loadConfigFile */.H)(opts.configPath, process.env);
    if (!loaded)
        throw new errors/* UserError */.yo(`mode review: the config file ${opts.configPath} does not exist (the review covers its environments; is there an actions/checkout step?)`);
    for (const s of loaded.secrets)
        runner/* redactor */.$p.add(s);
    const config = loaded.config;
    const now = Date.now();
    const week = reviewWeek(now);
    const { octokit, owner, repo } = await github.get();
    const { BranchFiles } = await Promise.all(/* import() */[__webpack_require__.e(766335), __webpack_require__.e(215342)]).then(__webpack_require__.bind(__webpack_require__, 77210));
    const { GitHubRunStore } = await __webpack_require__.e(/* import() */ 154965).then(__webpack_require__.bind(__webpack_require__, 1528));
    const { listIncidentIssues } = await Promise.all(/* import() */[__webpack_require__.e(766335), __webpack_require__.e(999687)]).then(__webpack_require__.bind(__webpack_require__, 61196));
    const envs = [];
    for (const [name, cfg] of Object.entries(config.environments)) {
        if (!cfg.history.record)
            continue;
        const store = new GitHubRunStore(new BranchFiles(octokit, { owner, repo }, cfg.history.branch));
        // The week before (for the trends) and the SLO window at the week's end, whichever reaches further.
        const from = week.from - Math.max(7 * fields/* DAY */.d_, (cfg.slo?.window ?? 0) - (week.to - week.from));
        const read = await store.read(name, from, week.to);
        envs.push({ name, records: read.records, ...(cfg.slo ? { slo: cfg.slo } : {}) });
    }
    const issues = await listIncidentIssues(octokit, { owner, repo }, config.incidents.labels.base);
    const review = buildReview(envs, (0,incidents/* incidentsFromIssues */.w)(issues, config.incidents, `${ctx.serverUrl}/${owner}/${repo}`), now);
    const markdown = reviewMarkdown(review, runner/* redactor */.$p);
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const reportPath = (0,external_node_path_.resolve)(workspace, 'report.md');
    await (0,promises_.writeFile)(reportPath, markdown);
    const notes = [];
    let failed;
    if (opts.dryRun)
        notes.push(`review: dry run, the issue "${reviewTitle(review)}" is not written`);
    else {
        try {
            const { upsertReviewIssue } = await Promise.all(/* import() */[__webpack_require__.e(766335), __webpack_require__.e(197014)]).then(__webpack_require__.bind(__webpack_require__, 25639));
            const r = await upsertReviewIssue(octokit, { owner, repo }, reviewTitle(review), markdown);
            notes.push(`review: ${r.created ? 'opened' : 'updated'} issue #${r.number} "${reviewTitle(review)}"`);
        }
        catch (err) {
            // The review is kept (summary, report.md); the run fails with one sentence (issues: write?).
            failed = runner/* redactor */.$p.text(`review: the issue "${reviewTitle(review)}" was not written (${err.message}); the review is in this summary and ${reportPath}. Does the job have permissions: { issues: write }?`);
            notes.push(failed);
        }
    }
    for (const n of notes)
        runner/* info */.pq(n);
    if (process.env.GITHUB_STEP_SUMMARY)
        await runner/* summary */.z.addRaw(`${markdown}\n${notes.map((n) => `- ${n}`).join('\n')}\n`).write();
    runner/* setOutput */.uH('review-path', reportPath);
    if (failed)
        runner/* setFailed */.C1(failed);
    else
        runner/* setOutput */.uH('status', 'pass');
}


/***/ })

};
