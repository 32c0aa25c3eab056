import { resolve } from 'node:path';
import * as core from '@actions/core';
import { createHttpClient } from './checks/http.js';
import { label } from './core/severity.js';
import { describeFailure } from './failure.js';
import { parseOptions } from './options.js';
import { runPipeline } from './pipeline.js';
import { systemClock } from './ports.js';
import { Redactor } from './report/redact.js';
import { renderMarkdown, verdictLine } from './report/render.js';
import type { Report } from './report/report.js';

/** The action's entry: the one failure boundary. Every error ends as one sentence on the step. */
export async function run(): Promise<void> {
  const redactor = new Redactor((s) => core.setSecret(s));
  try {
    const reportPath = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), 'launchguard-report.json');
    const opts = parseOptions((name) => core.getInput(name), reportPath);
    const { report } = await runPipeline(opts, {
      clock: systemClock,
      createHttp: (tls) => createHttpClient(systemClock, tls),
      env: process.env,
      redactor,
      runInfo: runInfo(),
    });
    core.setOutput('report-path', reportPath);
    setOutputs(report);
    annotate(report);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderMarkdown(report)).write();
    const line = verdictLine(report);
    if (report.verdict.status === 'fail') core.setFailed(line);
    else core.info(line);
  } catch (err) {
    const { message, stack } = describeFailure(err, redactor);
    if (stack) core.debug(stack);
    core.setFailed(message);
  }
}

function setOutputs(r: Report): void {
  core.setOutput('status', r.verdict.status);
  core.setOutput('worst-severity', r.verdict.worstSeverity);
  core.setOutput('findings-count', String(r.verdict.findingsCount));
}

function annotate(r: Report): void {
  for (const f of r.findings) {
    const props = { title: `[${label(f.severity)}] ${f.title}` };
    const text = `${f.detail} (respond ${f.targets.response}, resolve ${f.targets.resolution})`;
    if (f.severity === 'sev1' || f.severity === 'sev2') core.error(text, props);
    else if (f.severity === 'sev3') core.warning(text, props);
    else core.notice(text, props);
  }
}

function runInfo(): Report['run'] {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_SHA, GITHUB_REF } = process.env;
  const url = GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}` : undefined;
  if (!url && !GITHUB_SHA) return undefined;
  return { url, sha: GITHUB_SHA, ref: GITHUB_REF };
}
