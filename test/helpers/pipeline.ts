import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient } from '../../src/http/client.js';
import { parseOptions } from '../../src/options.js';
import { runPipeline } from '../../src/pipeline.js';
import { systemClock } from '../../src/ports.js';
import { Redactor } from '../../src/report/redact.js';

/** Runs the pipeline in-process, as the CLI does, with a fresh report folder. */
export async function runWith(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lg-'));
  const reportPath = join(dir, 'report.json');
  const redactor = new Redactor();
  const outcome = await runPipeline(parseOptions((n) => inputs[n] ?? '', reportPath), {
    clock: systemClock,
    createHttp: (tls) => createHttpClient(systemClock, tls),
    env,
    redactor,
  });
  return { ...outcome, reportPath, redactor };
}
