/**
 * Everything the action writes to the runner, through the run's one Redactor: log lines,
 * annotations, outputs and the job summary. `src/main.ts` imports this module in place of
 * `@actions/core`, so no line can bypass it.
 */
import * as actions from '@actions/core';
import type { AnnotationProperties } from '@actions/core';
import { Redactor } from '../report/redact.js';
import { oneLine } from '../core/text.js';

/** The run's redactor: every secret registered here is also masked in the runner's own log. */
export const redactor = new Redactor((s) => actions.setSecret(s));

export const getInput = actions.getInput;

/**
 * One log line. Text from the target or the config may hold newlines and `::command::` sequences:
 * folded onto one line, and a leading `::` is broken with a zero-width space, so the runner never
 * reads it as a workflow command.
 */
export function info(message: string): void {
  actions.info(oneLine(redactor.text(message)));
}

/** Annotations and debug lines: @actions/core escapes their data (%, CR, LF) itself. */
export function debug(message: string): void {
  actions.debug(redactor.text(message));
}
export function notice(message: string, props?: AnnotationProperties): void {
  actions.notice(redactor.text(message), redactProps(props));
}
export function warning(message: string, props?: AnnotationProperties): void {
  actions.warning(redactor.text(message), redactProps(props));
}
export function error(message: string, props?: AnnotationProperties): void {
  actions.error(redactor.text(message), redactProps(props));
}
export function setFailed(message: string): void {
  actions.setFailed(redactor.text(message));
}
export function setOutput(name: string, value: string): void {
  actions.setOutput(name, redactor.text(value));
}
/** Machine data (a shard result whose strings were redacted as a value): its encoded histograms are not text and stay as they are. */
export function setDataOutput(name: string, value: unknown): void {
  actions.setOutput(name, JSON.stringify(redactor.value(value)));
}

/** GitHub refuses a step summary over 1 MiB; this leaves room for the closing line. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 4096;

/** The summary cut at a line boundary under `max` bytes, saying so: the last safety net after the renderers' own caps. */
export function capSummary(text: string, max = SUMMARY_MAX_BYTES): string {
  if (Buffer.byteLength(text) <= max) return text;
  const cut = Buffer.from(text).subarray(0, max).toString('utf8');
  const end = cut.lastIndexOf('\n');
  return `${end > 0 ? cut.slice(0, end) : cut}\n\n…the summary was cut here to stay under GitHub's 1 MiB limit; the JSON report (launchguard-report.json) has everything.\n`;
}

export const summary = {
  addRaw(text: string) {
    const redacted = capSummary(redactor.text(text));
    return { write: async () => void (await actions.summary.addRaw(redacted).write()) };
  },
};

function redactProps(props: AnnotationProperties | undefined): AnnotationProperties | undefined {
  return props?.title === undefined ? props : { ...props, title: redactor.text(props.title) };
}

export { oneLine };
