import escapeHtml from 'escape-html';
import { formatDuration, formatMs } from '../config/duration.js';
import { sevName } from '../core/severity.js';
import { PAGE_CSS } from './style.js';
import { WINDOWS, type DayBucket, type EnvironmentModel, type IncidentModel, type PageModel, type SubjectModel } from './model.js';

/**
 * The status page as one self-contained HTML document: inline CSS, no script, no external
 * resource (works offline and on GitHub Pages). Every string from the config, the history or the
 * issues is HTML-escaped by `escape-html`; links are kept only when they parse as http(s) URLs.
 */

/** A day's level on the bar, by availability: also told by height, pattern and text. */
export type DayLevel = 'good' | 'fair' | 'poor' | 'bad' | 'none';
export function dayLevel(d: Pick<DayBucket, 'availabilityPct'>): DayLevel {
  const a = d.availabilityPct;
  if (a === undefined) return 'none';
  if (a >= 99.9) return 'good';
  if (a >= 99) return 'fair';
  if (a >= 95) return 'poor';
  return 'bad';
}
const LEVEL_WORDS: Record<DayLevel, string> = { good: '≥ 99.9 % up', fair: '99–99.9 % up', poor: '95–99 % up', bad: 'under 95 % up', none: 'not observed' };

const e = (s: string): string => escapeHtml(s);

/** Two decimals, rounded down (99.999 is not shown as 100.00). */
export function formatPct(p: number | undefined): string {
  return p === undefined ? '—' : `${(Math.floor(p * 100) / 100).toFixed(2)} %`;
}

function safeHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const STATE_WORDS = { up: 'Up', down: 'Down', unknown: 'No data' } as const;

function dayTitle(d: DayBucket): string {
  const parts = [`${d.day}: ${d.availabilityPct === undefined ? 'not observed' : `${formatPct(d.availabilityPct)} up`}`];
  if (d.downMs > 0) parts.push(`down ${formatDuration(d.downMs)}`);
  if (d.unobservedMs > 0 && d.availabilityPct !== undefined) parts.push(`unobserved ${formatDuration(d.unobservedMs)}`);
  if (d.p95Ms !== undefined) parts.push(`p95 ${formatMs(d.p95Ms)}`);
  return parts.join(', ');
}

function bars(s: SubjectModel, label: string): string {
  const items = s.days.map((d) => {
    const lvl = dayLevel(d);
    return `<li class="lvl-${lvl}" data-day="${d.day}" data-level="${lvl}" title="${e(dayTitle(d))}"><span class="sr-only">${e(dayTitle(d))}</span></li>`;
  });
  const first = s.days[0]?.day ?? '';
  const last = s.days.at(-1)?.day ?? '';
  return `<ol class="bars" aria-label="${e(`Daily uptime of ${label}, ${first} to ${last}`)}">${items.join('')}</ol><div class="axis muted" aria-hidden="true"><span>${e(first)}</span><span>${e(last)}</span></div>`;
}

/** The daily p95 latency as an SVG line (gaps where a day has no run), with its summary as text. */
function sparkline(s: SubjectModel): string {
  const values = s.days.map((d) => d.p95Ms);
  const known = values.filter((v): v is number => v !== undefined);
  if (known.length === 0) return '';
  const max = Math.max(...known, 1);
  const n = values.length;
  const segments: string[][] = [[]];
  values.forEach((v, i) => {
    if (v === undefined) segments.push([]);
    else segments.at(-1)!.push(`${((i + 0.5) * 100 / n).toFixed(2)},${(38 - (36 * v) / max).toFixed(1)}`);
  });
  const lines = segments.filter((seg) => seg.length).map((seg) => `<polyline points="${seg.length === 1 ? `${seg[0]} ${seg[0]}` : seg.join(' ')}"/>`);
  const latest = known.at(-1)!;
  const summary = `p95 latency per day: latest ${formatMs(latest)}, highest ${formatMs(max)}`;
  return `<figure class="p95"><svg class="spark" viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label="${e(summary)}">${lines.join('')}</svg><figcaption class="muted">${e(summary)}</figcaption></figure>`;
}

/** "30 d", "36 h": the SLO window as configured. */
export function windowWords(ms: number): string {
  return ms % 86_400_000 === 0 ? `${ms / 86_400_000} d` : formatDuration(ms);
}

function figures(s: SubjectModel): string {
  const items = WINDOWS.map((w) => `<div><dt>Availability ${w.key}</dt><dd data-window="${w.key}">${formatPct(s.windows[w.key])}</dd></div>`);
  if (s.slo) {
    items.push(`<div><dt>SLO (${e(windowWords(s.slo.windowMs))})</dt><dd>${formatPct(s.slo.targetPct)}</dd></div>`);
    items.push(`<div><dt>Error budget left</dt><dd data-budget>${s.slo.budgetRemainingPct < 0 ? 'overspent ' : ''}${formatPct(s.slo.budgetRemainingPct)}</dd></div>`);
  }
  return `<dl class="figures">${items.join('')}</dl>`;
}

function subjectCard(env: string, s: SubjectModel): string {
  const name = s.probe ?? `${env} (all probes)`;
  const heading = s.probe ? `<h3 class="probe-name">${e(s.probe)}</h3>` : `<h3>All probes</h3>`;
  const last = s.lastRunAt ? ` <span class="muted">last run ${e(s.lastRunAt.replace('T', ' ').slice(0, 16))} UTC</span>` : '';
  return `<section class="card subject" data-probe="${e(s.probe ?? '')}" aria-label="${e(name)}"><div class="head">${heading}<p><span class="state state-${s.state}">${STATE_WORDS[s.state]}</span>${last}</p></div>${bars(s, name)}${figures(s)}${sparkline(s)}</section>`;
}

function incidentsTable(list: readonly IncidentModel[]): string {
  if (list.length === 0) return '<p class="muted">No open or recent incidents.</p>';
  const rows = list.map((i) => {
    const href = safeHref(i.url);
    const title = href ? `<a href="${e(href)}">${e(i.title)}</a>` : e(i.title);
    return `<tr><td>${i.open ? '<strong>Open</strong>' : 'Resolved'}</td><td>${sevName(i.severity)}</td><td>${title}</td><td>${e(i.openedAt.replace('T', ' ').slice(0, 16))} UTC</td><td>${e(formatDuration(i.durationMs))}${i.open ? ' so far' : ''}</td></tr>`;
  });
  return `<div class="table-wrap"><table><caption class="sr-only">Open and recent incidents</caption><thead><tr><th scope="col">Status</th><th scope="col">Severity</th><th scope="col">Incident</th><th scope="col">Started</th><th scope="col">Duration</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function environmentSection(env: EnvironmentModel, incidentsKnown: boolean): string {
  const id = `env-${env.name}`;
  const cards = [subjectCard(env.name, env.overall), ...env.probes.map((p) => subjectCard(env.name, p))];
  const incidents = incidentsKnown ? `<h3>Incidents</h3>${incidentsTable(env.incidents)}` : '';
  return `<section aria-labelledby="${e(id)}"><h2 id="${e(id)}">${e(env.name)} <span class="state state-${env.overall.state}">${STATE_WORDS[env.overall.state]}</span></h2><p class="muted">${env.runs} run${env.runs === 1 ? '' : 's'} in the last 90 days.</p>${cards.join('')}${incidents}</section>`;
}

const LEGEND = `<ul class="legend" aria-label="Bar legend">${(Object.keys(LEVEL_WORDS) as DayLevel[]).map((l) => `<li><span class="swatch lvl-${l}" aria-hidden="true"></span>${e(LEVEL_WORDS[l])}</li>`).join('')}</ul>`;

export interface HtmlOptions {
  readonly title?: string;
  /** False when the incidents were not read (the CLI reads no issues): the section is left out. */
  readonly incidentsKnown: boolean;
}

export function renderPageHtml(model: PageModel, opts: HtmlOptions): string {
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
export function renderPageJson(model: PageModel): string {
  return `${JSON.stringify(model)}\n`;
}
