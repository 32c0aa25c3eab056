import type { CheckResults } from '../../checks/results.js';
import { fingerprint, grade, type EvalContext, type Graded, type Judged } from '../../checks/check.js';
import type { RunRecord } from '../record.js';
import { cadenceOf, judgeGap, type Cadence, type GapVerdict } from './gaps.js';
import { judgeSlo, type SloResult } from './slo.js';
import { medianInterval, pointsOf, type RunPoint, type Subject } from './timeline.js';
import { maintenanceSpans } from '../../suppression/windows.js';
import { DAY } from '../../config/fields.js';

/** The verdicts of the run history: structured, no words (see ../render.ts). */
export type HistoryVerdict =
  | { readonly kind: 'slo'; readonly subject: string; readonly probe?: string; readonly slo: SloResult; readonly graded?: Graded; readonly burnGraded?: Graded }
  | { readonly kind: 'schedule'; readonly gap: GapVerdict; readonly cadence?: Cadence; readonly graded?: Graded };

/** What the outputs and renderers read beyond the rows. */
export interface HistoryFacts {
  /** The environment's SLO, when one is configured and something was observed. */
  readonly slo?: { readonly availabilityPct?: number; readonly budgetRemainingPct: number };
  readonly cadence?: Cadence;
}

export const SCHEDULE_GAP_SUBJECT = 'schedule-gap';

/** This run's point on the timeline, from its own probes. */
function currentPoint(results: CheckResults, now: number, subject: Subject, expectedMs?: number): RunPoint {
  const probes: RunRecord['p'] = {};
  for (const p of results.health ?? []) probes[p.name] = p.failure ? [0, 0, p.failure.class] : [1, 0];
  const [up] = pointsOf([{ schema: 'launchguard.run/v1', t: new Date(now).toISOString(), ...((results.health ?? []).length ? { p: probes } : {}) }], subject).map((x) => x.up);
  return { t: now, ...(up !== undefined ? { up } : {}), ...(expectedMs !== undefined ? { expectedMs } : {}) };
}

/**
 * Pure: the run history (earlier records) and this run's results judged: the SLO of the
 * environment and of each probe that has one, its burn-rate rules, and the schedule's gaps.
 */
export function judgeHistory(results: CheckResults, ctx: EvalContext): Judged<HistoryVerdict> & { readonly historyFacts: HistoryFacts } {
  const h = ctx.history;
  if (!h) return { verdicts: [], observed: [], historyFacts: {} };
  const verdicts: HistoryVerdict[] = [];
  const observed: string[] = [];
  const fp = (s: string) => fingerprint(ctx.environment, 'history', s);
  const expectedMs = h.schedule?.intervalMs;

  const cadence = cadenceOf(h.records, h.now, h.schedule?.scheduledAt);
  const gap = judgeGap({ records: h.records, now: h.now, ...(expectedMs !== undefined ? { expectedMs } : {}), ...(h.schedule?.scheduledAt !== undefined ? { scheduledAt: h.schedule.scheduledAt } : {}), subject: `history:${SCHEDULE_GAP_SUBJECT}` }, cadence);
  // Evaluated (passing) when on time; failing when raised; a gap reported as a note only is neither.
  if (gap.kind === 'on-time' || (gap.kind === 'gap' && gap.raised)) observed.push(fp(SCHEDULE_GAP_SUBJECT));
  const gapGraded = gap.kind === 'gap' && gap.raised ? grade(ctx, 'schedule-gap') : undefined;
  verdicts.push({ kind: 'schedule', gap, ...(cadence ? { cadence } : {}), ...(gapGraded ? { graded: gapGraded } : {}) });

  let facts: HistoryFacts = cadence ? { cadence } : {};
  const slo = ctx.config.slo;
  if (slo) {
    const fallback = medianInterval(h.records.map((r) => ({ t: Date.parse(r.t) })));
    const subjects: { subject: string; probe?: string; target: number; windowMs: number }[] = [
      { subject: 'slo', target: slo.availability, windowMs: slo.window },
      ...Object.entries(slo.probes ?? {}).map(([probe, p]) => ({ subject: `slo-${probe}`, probe, target: p.availability, windowMs: p.window ?? slo.window })),
    ];
    // Maintenance time over the longest span judged (the SLO windows, the 3 d burn window), up to
    // just past this run's start, so a window running now holds this run too. Recomputed from the
    // config's windows: a window that began between two runs is cut exactly where it began.
    const longest = Math.max(3 * DAY, ...subjects.map((s) => s.windowMs));
    const maintenance = maintenanceSpans({ ...(ctx.maintenance ? { maintenance: ctx.maintenance } : {}) }, ctx.environment, h.now - longest, h.now + 1);
    for (const s of subjects) {
      const subject: Subject = s.probe === undefined ? { kind: 'environment' } : { kind: 'probe', probe: s.probe };
      const points = [...pointsOf(h.records, subject), currentPoint(results, h.now, subject, expectedMs)];
      const r = judgeSlo(points, h.now, { targetPct: s.target, windowMs: s.windowMs }, fallback, maintenance);
      if (s.probe === undefined) facts = { ...facts, slo: { ...(r.availabilityPct !== undefined ? { availabilityPct: r.availabilityPct } : {}), budgetRemainingPct: r.budgetRemainingPct } };
      // Nothing observed in the window: no rule is evaluated (no evidence either way).
      if (r.availabilityPct === undefined) {
        verdicts.push({ kind: 'slo', subject: s.subject, ...(s.probe ? { probe: s.probe } : {}), slo: r });
        continue;
      }
      observed.push(fp(`${s.subject}-budget`));
      const exhausted = r.budgetRemainingPct <= 0 ? grade(ctx, 'slo-budget-exhausted') : undefined;
      const fast = r.checks.some((c) => c.rule === 'slo-fast-burn' && c.fired);
      const slow = !fast && r.checks.some((c) => c.rule === 'slo-slow-burn' && c.fired);
      // The fast rule is judged when its 1 h window was observed; the slow one when it was not overtaken by the fast one.
      if (r.checks.some((c) => c.rule === 'slo-fast-burn' && c.longBurn !== undefined)) observed.push(fp(`${s.subject}-fast-burn`));
      if (!fast && r.checks.some((c) => c.rule === 'slo-slow-burn' && c.longBurn !== undefined)) observed.push(fp(`${s.subject}-slow-burn`));
      const burnGraded = fast ? grade(ctx, 'slo-fast-burn') : slow ? grade(ctx, 'slo-slow-burn') : undefined;
      verdicts.push({ kind: 'slo', subject: s.subject, ...(s.probe ? { probe: s.probe } : {}), slo: r, ...(exhausted ? { graded: exhausted } : {}), ...(burnGraded ? { burnGraded } : {}) });
    }
  }
  return { verdicts, observed, historyFacts: facts };
}
