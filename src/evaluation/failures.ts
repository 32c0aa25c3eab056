import type { CheckFailure } from '../checks/results.js';
import { grade, type EvalContext, type Rendered } from '../checks/check.js';
import { RenderedBuilder } from '../checks/rendering.js';

/** A check that broke while running is its own finding: the other checks are judged all the same. */
export function renderFailures(failures: readonly CheckFailure[], ctx: EvalContext): Rendered[] {
  return failures.map((x) => {
    const b = new RenderedBuilder(ctx, x.check);
    const graded = grade(ctx, 'check-failed');
    const f = graded && b.finding('check-failed', graded, `${x.check} check could not complete`, `the ${x.check} check stopped with an error: ${x.message}`);
    b.fail(`${x.check} check`, `error: ${x.message}`, 'completes', f || undefined);
    return b.done();
  });
}
