import { UserError } from './config/errors.js';
import type { Redactor } from './report/redact.js';

/** One sentence for any failure: the user's own mistake as it is, anything else as a bug to report. */
export function describeFailure(err: unknown, redactor: Redactor): { message: string; stack?: string } {
  if (err instanceof UserError) return { message: redactor.text(err.message) };
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    message: redactor.text(`launchguard stopped on an unexpected error: ${e.message}. Please report this, with the debug log.`),
    stack: e.stack ? redactor.text(e.stack) : undefined,
  };
}
