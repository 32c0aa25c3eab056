import { describe, expect, it } from 'vitest';
import { addCounters, errorRate, failedOf, mergeStatusCodes, requestsOf, requestsPerSecond, sumOf, zeroCounters, type Counters } from '../../src/scale/counters.js';

// The one implementation of the load counter arithmetic: a request's run, workers, shards and samples.

const c = (over: Partial<Counters>): Counters => ({ ...zeroCounters(), ...over });

describe('load counters', () => {
  it('failed requests: non-2xx, socket errors, timeouts and body mismatches; requests: responses and those with none', () => {
    const x = c({ responses: 90, non2xx: 5, socketErrors: 6, timeouts: 4, mismatches: 3 });
    expect(failedOf(x)).toBe(18);
    expect(requestsOf(x)).toBe(100);
  });

  it('the error rate is failed ÷ requests, never above 1', () => {
    expect(errorRate(18, 100)).toBe(0.18);
    expect(errorRate(0, 100)).toBe(0);
    expect(errorRate(100, 100)).toBe(1);
    // Inconsistent counts (a merged shard may hold them) still read as at most 100 %.
    expect(errorRate(150, 100)).toBe(1);
  });

  it('no requests: 1 (nothing answered), unless the slice was idle (it sent nothing on purpose): 0', () => {
    expect(errorRate(0, 0)).toBe(1);
    expect(errorRate(0, 0, false)).toBe(1);
    expect(errorRate(0, 0, true)).toBe(0);
    // Idle only matters with no requests.
    expect(errorRate(5, 10, true)).toBe(0.5);
  });

  it('requests per second: responses over the elapsed time, to one decimal; 0 when no time passed', () => {
    expect(requestsPerSecond(1000, 10_000)).toBe(100);
    expect(requestsPerSecond(1, 3000)).toBe(0.3);
    expect(requestsPerSecond(2, 3000)).toBe(0.7);
    expect(requestsPerSecond(12_345, 1_234.5)).toBe(10_000);
    expect(requestsPerSecond(10, 0)).toBe(0);
  });

  it('status codes merge by code; counters add up; the first error is kept', () => {
    expect(mergeStatusCodes([{ 200: 3, 503: 1 }, { 200: 2, 404: 1 }, {}])).toEqual({ 200: 5, 404: 1, 503: 1 });
    const refused = { class: 'refused' as const, message: 'connection refused' };
    const reset = { class: 'reset' as const, message: 'socket hang up' };
    const sum = addCounters([
      c({ responses: 4, non2xx: 1, statusCodes: { 200: 3, 503: 1 } }),
      c({ responses: 2, socketErrors: 2, timeouts: 1, mismatches: 1, statusCodes: { 200: 2 }, firstError: refused }),
      c({ firstError: reset }),
    ]);
    expect(sum).toEqual({ responses: 6, non2xx: 1, socketErrors: 2, timeouts: 1, mismatches: 1, statusCodes: { 200: 5, 503: 1 }, firstError: refused });
    expect(addCounters([c({ responses: 1 })])).not.toHaveProperty('firstError');
    expect(addCounters([])).toEqual(zeroCounters());
    expect(sumOf([{ n: 1 }, { n: 2.5 }], (x) => x.n)).toBe(3.5);
  });

  it('adding does not change the inputs', () => {
    const a = c({ responses: 1, statusCodes: { 200: 1 } });
    addCounters([a, a]);
    expect(a.statusCodes).toEqual({ 200: 1 });
  });
});
