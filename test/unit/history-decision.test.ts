import { describe, expect, it } from 'vitest';
import { historyDecision, needsDefaultBranch, type HistoryInput } from '../../src/baseline/policy.js';

// Issue 10, section 1: one pure rule for the action and the CLI.
const base: HistoryInput = { mode: 'monitor', event: 'push', ref: 'refs/heads/main', defaultBranch: 'main', dryRun: false, isShard: false, answered: true };

describe('historyDecision: does this run extend the load history?', () => {
  it.each([
    ['a push to the default branch', {}, true, 'main is the default branch'],
    ['a scheduled run: its payload has no repository, and it runs on the default branch', { event: 'schedule', defaultBranch: undefined }, true, 'a scheduled run is on the default branch'],
    ['a merge run on the default branch', { mode: 'merge' }, true, 'main is the default branch'],
    ['workflow_dispatch on another branch', { event: 'workflow_dispatch', ref: 'refs/heads/feature' }, false, 'only runs on the default branch (main) extend it; this is feature'],
    ['a pull request (refs/pull/…)', { event: 'pull_request', ref: 'refs/pull/1/merge' }, false, 'only runs on the default branch extend it; this is refs/pull/1/merge'],
    ['a tag', { ref: 'refs/tags/v1' }, false, 'only runs on the default branch extend it; this is refs/tags/v1'],
    ['the default branch unknown (lookup failed)', { defaultBranch: undefined, defaultBranchError: 'HTTP 403' }, false, 'could not tell whether main is the default branch (HTTP 403), so it is treated as another branch'],
    ['gate mode', { mode: 'gate' }, false, 'gate mode never writes history'],
    ['gate mode even when scheduled', { mode: 'gate', event: 'schedule' }, false, 'gate mode never writes history'],
    ['dry-run', { dryRun: true, event: 'schedule' }, false, 'dry-run'],
    ['a shard', { isShard: true, event: 'schedule' }, false, 'a shard run never writes history; the merge run does'],
    ['the target never answered', { answered: false, event: 'schedule' }, false, 'the target never answered'],
    ['the CLI (no event)', { event: undefined, ref: undefined, defaultBranch: undefined }, true, 'the CLI keeps its history locally'],
    ['the CLI merge', { event: undefined, ref: undefined, mode: 'merge' }, true, 'the CLI keeps its history locally'],
    ['the CLI dry-run', { event: undefined, dryRun: true }, false, 'dry-run'],
    ['a scheduled run in a maintenance window', { event: 'schedule', maintenance: 'weekly-deploy' }, false, 'the run started in maintenance window weekly-deploy, whose load figures must not move the baseline'],
    ['the CLI in a maintenance window', { event: undefined, ref: undefined, maintenance: 'migration' }, false, 'the run started in maintenance window migration, whose load figures must not move the baseline'],
  ] as const)('%s', (_name, over, record, why) => {
    const input = { ...base, ...over } as HistoryInput;
    expect(historyDecision(input)).toEqual({ record, why });
  });

  it.each([
    ['schedule never needs a lookup', 'schedule', 'refs/heads/main', undefined, false],
    ['the payload names it', 'push', 'refs/heads/main', 'main', false],
    ['a branch run whose payload does not', 'workflow_run', 'refs/heads/main', undefined, true],
    ['not a branch', 'pull_request', 'refs/pull/1/merge', undefined, false],
    ['the CLI', undefined, undefined, undefined, false],
  ] as const)('needsDefaultBranch: %s', (_n, event, ref, fromPayload, out) => {
    expect(needsDefaultBranch(event, ref, fromPayload)).toBe(out);
  });
});
