import { describe, expect, it } from 'vitest';
import { arrivals, parseArrivalRate, splitPlan, type OpenPlan } from '../../src/checks/load/open-schedule.js';
import { configSchema } from '../../src/config/schema.js';

const rate = (t: string) => parseArrivalRate(t)!;
const parse = (load: Record<string, unknown>) => configSchema.safeParse({ environments: { t: { load } } });

describe('open model: the split and the config (issue 18 review)', () => {
  it('the slices of a split rate together are the unsplit schedule: 100/s over 4 slices is one request every 10 ms, not bursts of 4 every 40 ms', () => {
    const plan: OpenPlan = { start: rate('100/s'), stages: [{ durationMs: 1000, target: rate('100/s') }] };
    const merged = [0, 1, 2, 3].flatMap((i) => [...arrivals(splitPlan(plan, 4, i))]).sort((a, b) => a - b);
    const unsplit = [...arrivals(plan)];
    expect(merged).toHaveLength(unsplit.length);
    // The union of the slices' schedules is the unsplit schedule (before the fix 4 requests shared t = 0, 40, 80 …)
    expect(new Set(merged).size).toBe(unsplit.length);
  });

  it("the slices start exactly the unsplit plan's requests (no slice rounds its own integral up)", () => {
    const plan: OpenPlan = { start: rate('0/s'), stages: [{ durationMs: 1000, target: rate('10/s') }, { durationMs: 1000, target: rate('3/s') }] };
    const unsplit = [...arrivals(plan)].length;
    const split = [0, 1, 2, 3, 4, 5, 6].reduce((a, i) => a + [...arrivals(splitPlan(plan, 7, i))].length, 0);
    expect(split).toBe(unsplit); // before the fix: 13 vs 12
  });

  it('stages that are all 0 are refused like arrival-rate: 0/s (nothing would be sent)', () => {
    expect(parse({ stages: [{ duration: '5s', target: '0/s' }, { duration: '5s', target: '0/s' }] }).success).toBe(false);
  });

  it('a slice is idle only when the whole plan has fewer arrivals than its index (3/s for 1 s over 7 slices: slices 0-2 send one each)', () => {
    const plan: OpenPlan = { start: rate('3/s'), stages: [{ durationMs: 1000, target: rate('3/s') }] };
    const counts = [0, 1, 2, 3, 4, 5, 6].map((i) => [...arrivals(splitPlan(plan, 7, i))].length);
    expect(counts).toEqual([1, 1, 1, 0, 0, 0, 0]);
  });

  it('10/m over 3 requests for 1 s sends 1 request, not 3; a split of a split composes (2 × 3 slices = the whole schedule)', () => {
    const plan: OpenPlan = { start: rate('10/m'), stages: [{ durationMs: 1000, target: rate('10/m') }] };
    expect([0, 1, 2].reduce((a, i) => a + [...arrivals(splitPlan(plan, 3, i))].length, 0)).toBe(1);
    const p2: OpenPlan = { start: rate('100/s'), stages: [{ durationMs: 500, target: rate('40/s') }] };
    const nested = [0, 1].flatMap((w) => [0, 1, 2].flatMap((r) => [...arrivals(splitPlan(splitPlan(p2, 2, w), 3, r))])).sort((a, b) => a - b);
    expect(nested).toEqual([...arrivals(p2)]);
  });
});
