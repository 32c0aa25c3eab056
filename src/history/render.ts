import { formatDuration } from '../config/duration.js';
import type { EvalContext, Rendered } from '../checks/check.js';
import { RenderedBuilder } from '../checks/rendering.js';
import type { Cadence, GapVerdict } from './judge/gaps.js';
import type { HistoryVerdict } from './judge/index.js';
import { SCHEDULE_GAP_SUBJECT } from './judge/index.js';
import type { BurnCheck, SloResult } from './judge/slo.js';

/** The run history's verdicts in words: rows under "history", findings, notes. */

/** A percentage to two decimals (availability is judged to 0.01 %). */
export function pct2(v: number): string {
  return `${(Math.floor(v * 100) / 100).toFixed(2)} %`;
}

function burn(b: number | undefined): string {
  if (b === undefined) return 'n/a';
  return `${b >= 100 ? Math.round(b) : Math.round(b * 10) / 10}×`;
}

function windowName(ms: number): string {
  return ms % 86_400_000 === 0 && ms > 86_400_000 ? `${ms / 86_400_000} d` : ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${ms / 60_000} min`;
}

const BARS = '▁▂▃▄▅▆▇█';
/**
 * Daily availability as a small chart: one character per day, from twice the budget below the
 * objective (▁) to 100 % (█); `·` a day with nothing observed.
 */
export function sparkline(daily: SloResult['daily'], targetPct: number): string {
  const floor = Math.max(0, 100 - 2 * (100 - targetPct));
  return daily.map((d) => {
    if (d.availabilityPct === undefined) return '·';
    const x = Math.min(1, Math.max(0, (d.availabilityPct - floor) / (100 - floor)));
    return BARS[Math.round(x * (BARS.length - 1))]!;
  }).join('');
}

function ruleText(c: BurnCheck): string {
  return `${burn(c.longBurn)} over ${windowName(c.longMs)} (alert at ${c.factor}×), ${burn(c.shortBurn)} over the ${c.shortRuns} run${c.shortRuns === 1 ? '' : 's'} of the last ${windowName(c.shortMs)}`;
}

function cadenceText(c: Cadence): string {
  return `median ${formatDuration(c.medianMs)}, p95 ${formatDuration(c.p95Ms)} between ${c.runs} runs of the last 7 d${c.delayMedianMs !== undefined ? `; started a median ${formatDuration(c.delayMedianMs)} after the cron's tick` : ''}`;
}

function gapText(g: Extract<GapVerdict, { kind: 'gap' }>): string {
  return `no run for ${formatDuration(g.gapMs)} since ${g.since}, over ${3}× the expected interval of ${formatDuration(g.expectedMs)}${g.repeated ? '; an earlier gap in the 24 h before' : ''}`;
}

export function renderHistory(verdicts: readonly HistoryVerdict[], ctx: EvalContext): Rendered {
  const b = new RenderedBuilder(ctx, 'history');
  for (const v of verdicts) {
    if (v.kind === 'schedule') {
      if (v.cadence) b.row('cadence', cadenceText(v.cadence), `a gap over 3× the interval is reported`, 'pass');
      const g = v.gap;
      if (g.kind === 'gap') {
        const text = gapText(g);
        if (v.graded) {
          b.fail(SCHEDULE_GAP_SUBJECT, text, `≤ 3 × ${formatDuration(g.expectedMs)}`, b.finding(SCHEDULE_GAP_SUBJECT, v.graded, 'scheduled runs are missing', `${text}. GitHub delays or drops scheduled runs under load, and disables them after 60 days without activity in a public repository: time without a run is unobserved, never counted as up.`, {
            remediation: 'Check the workflow is still enabled (Actions tab); for a tighter cadence, trigger the workflow from an external scheduler with workflow_dispatch.',
          }));
        } else {
          b.row(SCHEDULE_GAP_SUBJECT, text, `≤ 3 × ${formatDuration(g.expectedMs)}`, 'skip');
          b.note(`history: ${text}${g.repeated ? ' (already reported in the last 24 h)' : ' (a note: a finding when gaps repeat within 24 h)'}`);
        }
      }
      continue;
    }
    const r = v.slo;
    const who = v.probe ? `probe ${v.probe}` : 'the environment';
    const budgetRow = `${v.subject}: error budget`;
    if (r.availabilityPct === undefined) {
      b.row(`${v.subject}: availability`, `nothing observed in the last ${windowName(r.windowMs)}`, `≥ ${r.targetPct} %`, 'skip');
      continue;
    }
    const unobserved = r.unobservedMs > 0 ? `; ${formatDuration(r.unobservedMs)} unobserved (not counted as up)` : '';
    const maintenance = r.maintenanceMs > 0 ? `; ${formatDuration(r.maintenanceMs)} in maintenance (neither up nor down)` : '';
    const since = r.historyStartsLate ? ` (history from ${new Date(r.from).toISOString().slice(0, 16)}Z)` : '';
    const availability = `${pct2(r.availabilityPct)} over ${windowName(r.windowMs)}: ${formatDuration(r.upMs)} up, ${formatDuration(r.downMs)} down${unobserved}${maintenance}${since}`;
    b.row(`${v.subject}: availability`, availability, `≥ ${r.targetPct} %`, r.availabilityPct >= r.targetPct ? 'pass' : 'fail');
    const budgetText = `${Math.round(r.budgetRemainingPct * 10) / 10} % left: ${formatDuration(r.downMs)} of ${formatDuration(r.allowedDownMs)} spent`;
    if (v.graded) {
      b.fail(budgetRow, budgetText, '> 0 % left', b.finding(`${v.subject}-budget`, v.graded, `SLO error budget of ${who} exhausted`, `availability ${availability}, against ${r.targetPct} %; the error budget has ${budgetText}`, {
        measured: { value: Math.round(r.budgetRemainingPct * 100) / 100, unit: '%', budget: 0 },
        remediation: 'Freeze risky deploys until the budget recovers, and look at the incidents that spent it.',
      }));
    } else b.row(budgetRow, budgetText, '> 0 % left', 'pass');
    const burns = r.burns.map((x) => `${windowName(x.windowMs)} ${burn(x.burn)}`).join(' · ');
    const fired = r.checks.find((c) => c.fired && (v.burnGraded ? c.rule === v.burnGraded.rule : true));
    const burnBudget = 'page: 14.4× over 1 h and 6× over 6 h; ticket: 1× over 3 d (each confirmed over 1/12 of its window)';
    if (v.burnGraded && fired) {
      const fast = v.burnGraded.rule === 'slo-fast-burn';
      b.fail(`${v.subject}: burn rate`, burns, burnBudget, b.finding(`${v.subject}-${fast ? 'fast' : 'slow'}-burn`, v.burnGraded, `SLO error budget of ${who} burning ${fast ? 'fast' : 'steadily'}`, `burn ${ruleText(fired)}; at this rate the ${r.targetPct} % objective over ${windowName(r.windowMs)} fails. Budget: ${budgetText}.`, {
        measured: { value: Math.round((fired.longBurn ?? 0) * 10) / 10, unit: '×', budget: fired.factor },
      }));
    } else b.row(`${v.subject}: burn rate`, burns, burnBudget, 'pass');
    b.row(`${v.subject}: daily availability`, `${sparkline(r.daily, r.targetPct)} (last ${r.daily.length} d, oldest first)`, `▁ ≤ ${Math.max(0, 100 - 2 * (100 - r.targetPct))} %, █ 100 %`, 'pass');
  }
  return b.done();
}
