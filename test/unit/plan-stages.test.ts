import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planStages } from '../../src/checks/indexes/problems.js';

const fixture = (name: string) => JSON.parse(readFileSync(`test/mongo/fixtures/${name}`, 'utf8'));

describe('planStages: the winning plan of an explain, in the manual\'s documented formats', () => {
  it.each([
    ['explain-collscan.json', ['COLLSCAN'], true],
    ['explain-ixscan.json', ['FETCH', 'IXSCAN'], false],
    // mongos: SHARD_MERGE over each shard's own winningPlan; one shard scans its whole collection.
    ['explain-sharded-collscan.json', ['SHARD_MERGE', 'FETCH', 'IXSCAN', 'COLLSCAN'], true],
  ] as const)('%s → %j (COLLSCAN %s)', (file, stages, collscan) => {
    const r = planStages(fixture(file));
    expect(r.stages).toEqual(stages);
    expect(r.stages.includes('COLLSCAN')).toBe(collscan);
  });

  it('a reply of another shape gives no stages rather than throwing', () => {
    expect(planStages({ ok: 1 }).stages).toEqual([]);
    expect(planStages(undefined).stages).toEqual([]);
  });
});
