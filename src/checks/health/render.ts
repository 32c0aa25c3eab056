import { formatMs } from '../../config/duration.js';
import type { EvalContext, Judged, Rendered } from '../check.js';
import { RenderedBuilder, round } from '../rendering.js';
import type { HealthVerdict } from './evaluate.js';

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
        const f = v.graded && b.finding(p.name, v.graded, `health probe ${p.name} failing`, `${p.method} ${p.url}: ${failure.class}: ${failure.message}${tries}`, {
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
