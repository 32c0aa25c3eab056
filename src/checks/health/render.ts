import { formatDuration, formatMs } from '../../config/duration.js';
import type { EvalContext, Judged, Rendered } from '../check.js';
import { RenderedBuilder, round } from '../rendering.js';
import type { HealthVerdict } from './evaluate.js';
import { SEV1_DOWNTIME_MS, type Downtime } from './downtime.js';

/** How long the run history knows the probe has been failing, for the finding's detail. */
function downtimeText(d: Downtime): string {
  if (!d.known) return '';
  if (d.failedRuns === 1) return `; the previous run passed, so the downtime is not yet known to exceed ${formatDuration(SEV1_DOWNTIME_MS)} (SEV1 once it does)`;
  return `; failing on ${d.failedRuns} runs in a row over ${formatDuration(d.spanMs)}`;
}

export function renderHealth(judged: Judged<HealthVerdict>, ctx: EvalContext): Rendered {
  const b = new RenderedBuilder(ctx, 'health');
  for (const v of judged.verdicts) {
    const p = v.probe;
    const budget = p.latencyBudgetMs === undefined ? 'ok response' : `ok response, < ${formatMs(p.latencyBudgetMs)}`;
    const value = `HTTP ${p.status} in ${formatMs(p.latencyMs)}`;
    switch (v.kind) {
      case 'failed': {
        const failure = p.failure!;
        const tries = p.attempts > 1 ? ` after ${p.attempts} attempts` : '';
        const f = v.graded && b.finding(p.name, v.graded, `health probe ${p.name} failing`, `${p.method} ${p.url}: ${failure.class}: ${failure.message}${tries}${downtimeText(v.downtime)}`, {
          classification: failure.class,
          measured: { value: p.status ?? failure.class },
        });
        b.fail(p.name, `${failure.class}: ${failure.message}`, budget, f || undefined, p.url);
        break;
      }
      case 'slow': {
        const f = v.graded && b.finding(p.name, v.graded, `health probe ${p.name} slow`, `${p.method} ${p.url} answered in ${formatMs(p.latencyMs)}, over its budget of ${formatMs(p.latencyBudgetMs!)}`, {
          classification: 'latency',
          measured: { value: round(p.latencyMs), unit: 'ms', budget: p.latencyBudgetMs! },
        });
        b.fail(p.name, value, budget, f || undefined);
        break;
      }
      case 'ok':
        b.row(p.name, value, budget, 'pass');
        break;
    }
  }
  return b.done();
}
