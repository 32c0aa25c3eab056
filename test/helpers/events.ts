import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Event payloads as GitHub sends them, from test/fixtures/events/ (each file names its source in
 * its leading // comment). Tests use them as they are: no field is added.
 */
export const EVENTS = {
  schedule: { name: 'schedule', file: 'schedule.jsonc' },
  workflow_dispatch: { name: 'workflow_dispatch', file: 'workflow_dispatch.jsonc' },
  push: { name: 'push', file: 'push.jsonc' },
  pull_request: { name: 'pull_request', file: 'pull_request.jsonc' },
  'pull_request.fork': { name: 'pull_request', file: 'pull_request.fork.jsonc' },
  deployment_status: { name: 'deployment_status', file: 'deployment_status.jsonc' },
} as const;
export type EventFixture = keyof typeof EVENTS;

/** The fixture's text without its leading comment lines, parsed. */
export function eventPayload(fixture: EventFixture): Record<string, unknown> {
  const text = readFileSync(resolve('test/fixtures/events', EVENTS[fixture].file), 'utf8');
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith('//')) i++;
  return JSON.parse(lines.slice(i).join('\n')) as Record<string, unknown>;
}

/** The fixture's leading comment: where the payload comes from. */
export function eventSource(fixture: EventFixture): string {
  const text = readFileSync(resolve('test/fixtures/events', EVENTS[fixture].file), 'utf8');
  return text.split('\n').filter((l) => l.startsWith('//')).join('\n');
}

/** Writes the payload where the runner would (GITHUB_EVENT_PATH) and returns the variables that name it. */
export function eventEnv(fixture: EventFixture): { GITHUB_EVENT_NAME: string; GITHUB_EVENT_PATH: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'lg-event-')), 'event.json');
  writeFileSync(path, JSON.stringify(eventPayload(fixture)));
  return { GITHUB_EVENT_NAME: EVENTS[fixture].name, GITHUB_EVENT_PATH: path };
}
