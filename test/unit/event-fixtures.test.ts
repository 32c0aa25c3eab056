import { describe, expect, it } from 'vitest';
import { EVENTS, eventPayload, eventSource, type EventFixture } from '../helpers/events.js';

// Issue 10, section 2: the payloads the tests use are the ones GitHub sends, each naming its source.
describe('event fixtures', () => {
  it.each(Object.keys(EVENTS) as EventFixture[])('%s names its source and parses', (name) => {
    expect(eventSource(name)).toMatch(/GitHub docs, "(Events that trigger workflows|Webhook events and payloads)"|GitHub docs "(Events that trigger workflows|Webhook events and payloads)"/);
    expect(typeof eventPayload(name)).toBe('object');
  });
  it('a schedule payload is the cron line only: no repository, so no default branch', () => {
    expect(eventPayload('schedule')).toEqual({ schedule: '*/15 * * * *' });
  });
  it('the fork pull request differs from the same-repo one only in the head repository values', () => {
    const same = eventPayload('pull_request') as { pull_request: { head: { repo: { full_name: string } }; base: { repo: { full_name: string } } } };
    const fork = eventPayload('pull_request.fork') as typeof same;
    expect(same.pull_request.head.repo.full_name).toBe(same.pull_request.base.repo.full_name);
    expect(fork.pull_request.head.repo.full_name).not.toBe(fork.pull_request.base.repo.full_name);
    const keys = (v: unknown): string[] => (v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x).map((s) => `${k}.${s}`)]) : []);
    expect(keys(fork)).toEqual(keys(same));
  });
});
