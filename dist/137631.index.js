export const id = 137631;
export const ids = [137631];
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

/***/ 59113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  notify: () => (/* binding */ notify)
});

// UNUSED EXPORTS: postClient

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(72020);
// EXTERNAL MODULE: ./src/http/client.ts
var client = __webpack_require__(73329);
// EXTERNAL MODULE: ./src/http/retry.ts + 2 modules
var retry = __webpack_require__(29765);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/core/severity.ts
var severity = __webpack_require__(60432);
// EXTERNAL MODULE: ./src/notifications/schema.ts
var schema = __webpack_require__(1373);
;// CONCATENATED MODULE: ./src/notifications/payloads.ts



/** The generic webhook's signature header: HMAC-SHA256 of the raw body, as GitHub signs its webhooks. */
const SIGNATURE_HEADER = 'x-launchguard-signature-256';
const EVENT_HEADER = 'x-launchguard-event';
/** What a title may take (as in issue titles), and a key figure: enough for a figure against its budget. */
const TITLE_MAX = 200;
const FIGURE_MAX = 500;
function buildRequest(n, now) {
    const json = { 'content-type': 'application/json' };
    const c = wellFormed(n.change);
    switch (n.channel.type) {
        case 'pagerduty':
            return { url: n.channel.url ?? schema/* PAGERDUTY_EVENTS_URL */.mJ, body: JSON.stringify(pagerdutyEvent(c, n.channel['routing-key'])), headers: json };
        case 'slack':
            return { url: n.channel.url, body: JSON.stringify(slackMessage(c)), headers: json };
        case 'teams':
            return { url: n.channel.url, body: JSON.stringify(teamsMessage(c)), headers: json };
        case 'webhook': {
            const body = JSON.stringify(webhookEvent(c, now));
            const signed = n.channel.secret ? { [SIGNATURE_HEADER]: signature(body, n.channel.secret) } : {};
            return { url: n.channel.url, body, headers: { ...json, [EVENT_HEADER]: c.event, ...signed } };
        }
    }
}
/**
 * Target text parsed from JSON may hold a lone surrogate (`"\ud800"`): JSON.stringify writes it as
 * an escape that strict parsers (PHP, .NET) refuse, so it becomes U+FFFD.
 */
function wellFormed(c) {
    return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'string' ? v.toWellFormed() : v]));
}
function signature(body, secret) {
    return `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
/** The one-line headline of a change, in plain text. */
function headline(c) {
    const t = cut(c.title, TITLE_MAX);
    switch (c.event) {
        case 'opened':
        case 'reopened':
            return `${(0,severity/* sevName */.ar)(c.severity)} ${c.event}: ${t}`;
        case 'escalated':
        case 'de-escalated':
            return `${c.event === 'escalated' ? 'Escalated' : 'De-escalated'} ${c.previousSeverity ? `${(0,severity/* sevName */.ar)(c.previousSeverity)} → ` : 'to '}${(0,severity/* sevName */.ar)(c.severity)}: ${t}`;
        case 'closed':
            return `Recovered (${(0,severity/* sevName */.ar)(c.severity)}): ${t}`;
    }
}
/** The key figure with what it is: the failure now, or the last one for a recovered incident. */
function figure(c) {
    return `${c.event === 'closed' ? 'Last failure: ' : ''}${cut(c.keyFigure, FIGURE_MAX)}`;
}
// PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/).
const PD_SEVERITY = { sev1: 'critical', sev2: 'error', sev3: 'warning', sev4: 'info' };
/** PagerDuty's dedup_key may hold 255 characters: a longer fingerprint is hashed (the same every run). */
function dedupKey(fingerprint) {
    return fingerprint.length <= 255 ? fingerprint : `sha256:${(0,external_node_crypto_.createHash)('sha256').update(fingerprint, 'utf8').digest('hex')}`;
}
function pagerdutyEvent(c, routingKey) {
    if (c.event === 'closed')
        return { routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey(c.fingerprint) };
    const links = [
        ...(c.issueUrl ? [{ href: c.issueUrl, text: `GitHub issue #${c.issueNumber}` }] : []),
        ...(c.runUrl ? [{ href: c.runUrl, text: 'launchguard run' }] : []),
    ];
    return {
        routing_key: routingKey,
        event_action: 'trigger',
        dedup_key: dedupKey(c.fingerprint),
        payload: {
            summary: cut(`[${(0,severity/* sevName */.ar)(c.severity)}] ${c.title}: ${c.keyFigure}`, 1024),
            source: c.environment,
            severity: PD_SEVERITY[c.severity],
            ...(c.check ? { component: c.check } : {}),
            ...(c.rule ? { class: c.rule } : {}),
            custom_details: {
                event: c.event, fingerprint: c.fingerprint, severity: (0,severity/* sevName */.ar)(c.severity), respond: c.targets.response, resolve: c.targets.resolution, 'key figure': cut(c.keyFigure, FIGURE_MAX),
                ...(c.previousSeverity ? { 'previous severity': (0,severity/* sevName */.ar)(c.previousSeverity) } : {}),
            },
        },
        ...(links.length ? { links } : {}),
        client: 'launchguard',
        ...(c.runUrl ? { client_url: c.runUrl } : {}),
    };
}
// Slack incoming webhook with Block Kit (https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks).
const ICON = { sev1: '🔴', sev2: '🟠', sev3: '🟡', sev4: '🔵' };
/** Slack's mrkdwn: &, < and > are escaped (https://docs.slack.dev/messaging/formatting-message-text#escaping), so no link or mention can be made. */
function slackEscape(s) {
    return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
function slackMessage(c) {
    const icon = c.event === 'closed' ? '✅' : ICON[c.severity];
    const head = `${icon} ${headline(c)}`;
    const links = [...(c.issueUrl ? [`<${c.issueUrl}|GitHub issue #${c.issueNumber}>`] : []), ...(c.runUrl ? [`<${c.runUrl}|launchguard run>`] : [])];
    // verbatim: Slack's automatic parsing (on by default) links bare URLs and parses "certain
    // mentions" in plain text (https://docs.slack.dev/reference/block-kit/composition-objects/text-object).
    const field = (name, value) => ({ type: 'mrkdwn', text: `*${name}*\n${slackEscape(value)}`, verbatim: true });
    return {
        // The notification's text is mrkdwn too: escaped, so a title cannot mention (<!channel>) or link.
        text: slackEscape(cut(head, 300)),
        blocks: [
            { type: 'header', text: { type: 'plain_text', text: cut(head, 150), emoji: true } },
            { type: 'section', text: { type: 'mrkdwn', text: slackEscape(figure(c)), verbatim: true } },
            {
                type: 'section',
                fields: [
                    field('Severity', (0,severity/* sevName */.ar)(c.severity)), field('Environment', cut(c.environment, 100)),
                    field('Respond', c.targets.response), field('Resolve', c.targets.resolution),
                ],
            },
            ...(links.length ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: links.join(' · ') }] }] : []),
        ],
    };
}
// Microsoft Teams workflow webhook, an Adaptive Card in a message envelope
// (https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using).
/** Adaptive Cards render a Markdown subset: ASCII punctuation is backslash-escaped (CommonMark), newlines folded. */
function teamsEscape(s) {
    let out = '';
    for (const ch of s)
        out += ch === '\n' || ch === '\r' ? ' ' : '\\`*_{}[]()#+-.!<>|~'.includes(ch) ? `\\${ch}` : ch;
    return out;
}
const COLOR = { sev1: 'Attention', sev2: 'Attention', sev3: 'Warning', sev4: 'Default' };
function teamsMessage(c) {
    const actions = [
        ...(c.issueUrl ? [{ type: 'Action.OpenUrl', title: `GitHub issue #${c.issueNumber}`, url: c.issueUrl }] : []),
        ...(c.runUrl ? [{ type: 'Action.OpenUrl', title: 'launchguard run', url: c.runUrl }] : []),
    ];
    const fact = (title, value) => ({ title, value: teamsEscape(value) });
    return {
        type: 'message',
        attachments: [
            {
                contentType: 'application/vnd.microsoft.card.adaptive',
                contentUrl: null,
                content: {
                    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
                    type: 'AdaptiveCard',
                    version: '1.4',
                    body: [
                        { type: 'TextBlock', text: teamsEscape(headline(c)), weight: 'Bolder', size: 'Medium', wrap: true, color: c.event === 'closed' ? 'Good' : COLOR[c.severity] },
                        { type: 'TextBlock', text: teamsEscape(figure(c)), wrap: true },
                        {
                            type: 'FactSet',
                            facts: [fact('Severity', (0,severity/* sevName */.ar)(c.severity)), fact('Environment', cut(c.environment, 100)), fact('Respond', c.targets.response), fact('Resolve', c.targets.resolution)],
                        },
                    ],
                    ...(actions.length ? { actions } : {}),
                },
            },
        ],
    };
}
/** The generic webhook's JSON: the change as data, with the time it was sent (signed with the rest). */
function webhookEvent(c, now) {
    return {
        source: 'launchguard',
        event: c.event,
        sentAt: now.toISOString(),
        environment: c.environment,
        fingerprint: c.fingerprint,
        severity: c.severity,
        ...(c.previousSeverity ? { previousSeverity: c.previousSeverity } : {}),
        peakSeverity: c.peakSeverity,
        title: cut(c.title, TITLE_MAX),
        keyFigure: cut(c.keyFigure, FIGURE_MAX),
        targets: { response: c.targets.response, resolution: c.targets.resolution },
        ...(c.issueNumber !== undefined ? { issue: { number: c.issueNumber, ...(c.issueUrl ? { url: c.issueUrl } : {}) } } : {}),
        ...(c.runUrl ? { runUrl: c.runUrl } : {}),
    };
}
/** At most `max` characters (never half a surrogate pair), an ellipsis marking a cut. */
function cut(s, max) {
    if (s.length <= max)
        return s;
    let keep = max - 1;
    const code = s.charCodeAt(keep - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        keep--;
    return `${s.slice(0, keep)}…`;
}

// EXTERNAL MODULE: ./src/incidents/state.ts
var incidents_state = __webpack_require__(36922);
;// CONCATENATED MODULE: ./src/notifications/plan.ts


/**
 * Which channel hears of which incident change. Pure: the incident plan's actions as applied, the
 * run's findings and the channels go in; one notice per channel and change comes out, in the
 * order of the actions. Only changes of state are told (never a run that changed nothing):
 * opened, reopened, escalated, de-escalated and closed (recovered). Duplicates closed, reminders,
 * recovering and unchecked runs are not.
 */
const NOTICE_EVENTS = (/* unused pure expression or super */ null && (['opened', 'reopened', 'escalated', 'de-escalated', 'closed']));
function planNotices(input) {
    const changes = incidentChanges(input);
    const out = [];
    for (const change of changes)
        for (const channel of input.channels)
            if (hears(channel, change))
                out.push({ channel, change });
    return out;
}
/** The applied actions that change an incident's state, as changes. */
function incidentChanges(input) {
    const byFp = new Map(input.findings.map((f) => [f.fingerprint, f]));
    const out = [];
    for (const { action: a, number } of input.applied) {
        const issue = number !== undefined ? { issueNumber: number, ...(input.repoUrl ? { issueUrl: `${input.repoUrl}/issues/${number}` } : {}) } : {};
        const base = { environment: input.environment, fingerprint: a.fingerprint, ...issue, ...(input.runUrl ? { runUrl: input.runUrl } : {}) };
        if (a.kind === 'close') {
            if (a.reason !== 'completed' || !a.incident)
                continue;
            const i = a.incident;
            out.push({ ...base, event: 'closed', severity: i.severity, peakSeverity: i.peakSeverity, title: i.title, keyFigure: i.detail, targets: severity/* SEVERITY_TARGETS */.Vl[i.severity] });
            continue;
        }
        const event = a.kind === 'open' ? 'opened' : a.kind === 'reopen' ? 'reopened' : a.change === 'escalated' || a.change === 'de-escalated' ? a.change : undefined;
        const f = byFp.get(a.fingerprint);
        if (!event || !f)
            continue;
        const previous = a.kind === 'update' ? a.from : undefined;
        // The peak the issue's new state keeps (SEV1 → SEV2 → SEV3: still SEV1), else the severity before.
        // The state keeps its peak across a close and reopen, and a channel was told of a reopen at the
        // severity then: for a reopened incident, only the severity before counts.
        const state = a.kind === 'update' ? (0,incidents_state/* parseState */.Bu)(a.body) : undefined;
        const kept = state && (!state.lastOpenedAt || state.lastOpenedAt === state.openedAt) ? state.peakSeverity : undefined;
        out.push({
            ...base, event, severity: f.severity, ...(previous ? { previousSeverity: previous } : {}),
            peakSeverity: (0,severity/* worstOf */.hm)([f.severity, ...(previous ? [previous] : []), ...(kept ? [kept] : [])]),
            title: f.title, check: f.check, rule: f.rule, keyFigure: f.detail, targets: severity/* SEVERITY_TARGETS */.Vl[f.severity],
        });
    }
    return out;
}
/**
 * Whether a channel hears of a change: its environment, and a severity at or above its
 * min-severity. A channel hears a de-escalation and a close of an incident it was told of (the
 * severity before, the most severe level), so a PagerDuty alert triggered at SEV1 is resolved
 * even when the incident closes at SEV2.
 */
function hears(channel, c) {
    if (channel.environments && !channel.environments.includes(c.environment))
        return false;
    const s = c.event === 'closed' || c.event === 'de-escalated' ? c.peakSeverity : c.severity;
    return (0,severity/* rank */.Tm)(s) <= (0,severity/* rank */.Tm)(channel['min-severity']);
}

;// CONCATENATED MODULE: ./src/notifications/send.ts








/** A failure in both forms: `target` is the only part from outside (a fingerprint, a service's answer). */
function failure(prefix, target, suffix = '') {
    return { markdown: `${prefix}${(0,markdown.md)(target)}${suffix}`, plain: (0,core_text/* oneLine */.T)(`${prefix}${target}${suffix}`) };
}
const POLICY = { retries: 3, delayMs: 500, idempotent: true, maxRetryAfterMs: 30_000 };
const TIMEOUT_MS = 10_000;
/**
 * One channel's time in a run, checked before each notice: a service that answers every POST, but
 * slowly, cannot hold the job notice after notice. A channel takes at most this plus one notice's
 * attempts (4 of 10 s at most, their backoff and Retry-After waits).
 */
const CHANNEL_BUDGET_MS = 60_000;
/** What is read of a service's answer: enough for its error message. */
const ANSWER_MAX = 4096;
async function notify(input, deps) {
    const notices = planNotices(input).map((n) => ({ ...n, change: deps.redact(n.change) }));
    if (deps.dryRun) {
        return { lines: notices.map((n) => `notifications: ${n.channel.name} (${n.channel.type}): dry-run, would send: ${(0,markdown.md)(headline(n.change))}`), failures: [] };
    }
    if (notices.length === 0)
        return { lines: [], failures: [] };
    const http = deps.http ?? postClient();
    try {
        const byChannel = new Map();
        for (const n of notices)
            byChannel.set(n.channel.name, [...(byChannel.get(n.channel.name) ?? []), n]);
        const settled = await Promise.all([...byChannel].map(([name, list]) => sendChannel(name, list, http, deps).catch((err) => ({ sent: [], failures: [failure(`notifications: ${name}: `, deps.redact(err.message))] }))));
        const lines = [];
        const failures = [];
        [...byChannel.keys()].forEach((name, i) => {
            const r = settled[i];
            if (r.sent.length)
                lines.push(`notifications: ${name}: sent ${r.sent.join(', ')}`);
            failures.push(...r.failures);
        });
        return { lines, failures };
    }
    finally {
        if (!deps.http)
            await http.close();
    }
}
/**
 * One channel's notices, in order: a trigger before its resolve. A channel that did not answer
 * (a network failure, a timeout, a 5xx or 429 after the retries) is not tried again this run: the
 * rest of its notices are notes, so a hanging service cannot hold the job up notice after notice;
 * nor can one that answers slowly, past the channel's time budget.
 */
async function sendChannel(name, list, http, deps) {
    const sent = [];
    const failures = [];
    let down = false;
    const budget = deps.channelBudgetMs ?? CHANNEL_BUDGET_MS;
    const started = performance.now();
    for (const n of list) {
        const what = `notifications: ${name}: the ${n.change.event} notice of `;
        if (down) {
            failures.push(failure(what, n.change.fingerprint, ' was not sent: the channel did not answer the one before'));
            continue;
        }
        if (performance.now() - started >= budget) {
            failures.push(failure(what, n.change.fingerprint, ` was not sent: the channel used its time for this run (${(0,duration/* formatMs */._V)(budget)})`));
            continue;
        }
        const req = buildRequest(n, deps.now());
        const { outcome, attempts, note } = await (0,retry/* sendWithRetry */.lx)(http, { url: req.url, method: 'POST', headers: req.headers, body: req.body, timeoutMs: deps.timeoutMs ?? TIMEOUT_MS, maxBodyBytes: ANSWER_MAX }, deps.policy ?? POLICY);
        if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
            sent.push(n.change.event);
            continue;
        }
        down = (0,client/* isTransient */.dg)(outcome);
        const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
        const [plainWhy, mdWhy] = why(outcome, deps.redact);
        const tail = `${note ? ` (${note})` : ''}`;
        failures.push({ markdown: `${what}${(0,markdown.md)(n.change.fingerprint)} was not delivered${tries}: ${mdWhy}${tail}`, plain: (0,core_text/* oneLine */.T)(`${what}${n.change.fingerprint} was not delivered${tries}: ${plainWhy}${tail}`) });
    }
    return { sent, failures };
}
/**
 * Why a notice was not delivered: plain, and for Markdown (the service's answer is outside text).
 * Redacted before it is escaped: escaped, a secret (`a_b` as `a\_b`) no longer matches the redactor.
 */
function why(o, redact) {
    if (o.kind === 'error') {
        const m = redact(o.message);
        return [m, (0,markdown.md)(m)];
    }
    if (o.status >= 300 && o.status < 400) {
        const t = `HTTP ${o.status}, a redirect, which is not followed (set the channel's url to where it points)`;
        return [t, t];
    }
    // The whole answer read is redacted before the cut: a cut could leave half a secret unrecognised.
    const answer = redact(o.body.toString('utf8')).slice(0, 200).trim();
    return [`HTTP ${o.status}${answer ? `: ${answer}` : ''}`, `HTTP ${o.status}${answer ? `: ${(0,markdown.md)(answer)}` : ''}`];
}
/** A POST without redirects, with a whole-exchange timeout and a capped answer. */
function postClient() {
    const agent = new undici/* Agent */.g6({ keepAliveTimeout: 1000 });
    return {
        async send(req) {
            const started = performance.now();
            const signal = AbortSignal.timeout(req.timeoutMs);
            try {
                const res = await (0,undici/* request */.Em)(req.url, { method: 'POST', headers: { 'user-agent': 'launchguard', ...req.headers }, body: req.body, dispatcher: agent, signal }); // undici's request follows no redirect
                const chunks = [];
                let size = 0;
                for await (const chunk of res.body) {
                    chunks.push(chunk);
                    size += chunk.length;
                    if (size >= req.maxBodyBytes)
                        break; // leaving the loop destroys the rest
                }
                const retryAfterMs = res.statusCode === 429 || res.statusCode === 503 ? (0,client/* parseRetryAfter */.mu)(res.headers['retry-after'], new Date()) : undefined;
                return {
                    kind: 'response', status: res.statusCode, latencyMs: performance.now() - started, body: Buffer.concat(chunks).subarray(0, req.maxBodyBytes), truncated: size > req.maxBodyBytes,
                    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
                };
            }
            catch (err) {
                const { cls, message } = (0,client/* classify */.L8)(err, signal.aborted, req.timeoutMs);
                return { kind: 'error', class: cls, message, latencyMs: performance.now() - started };
            }
        },
        close: () => agent.close(),
    };
}


/***/ })

};
