import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { parseConfigText } from '../../src/config/load.js';
import { share } from '../../src/scale/shard-spec.js';
import { shardLoad } from '../../src/scale/shards.js';

const parse = (load: Record<string, unknown>) => configSchema.safeParse({ environments: { t: { load } } });
const requests = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `r${i}`, path: `/r${i}` }));

// The 1,000 in-flight cap without allow-heavy must hold over workers × requests (issue 18 review).
describe('open model: the in-flight cap over workers and requests', () => {
  it('max-in-flight below one slot per request per worker is a config error at max-in-flight (1000 over 64 workers × 40 requests would be 2,560)', () => {
    const r = parse({ 'arrival-rate': '100000/s', 'max-in-flight': 1000, workers: 64, requests: requests(40) });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.at(-1) === 'max-in-flight');
    expect(issue?.message).toMatch(/40 requests × 64 workers = 2560/);
  });

  it('the default max-in-flight is checked too, and the closed model is not', () => {
    expect(parse({ 'arrival-rate': '10/s', workers: 64, requests: requests(10) }).success).toBe(false);
    expect(parse({ connections: 10, workers: 64, requests: requests(10) }).success).toBe(true);
  });

  it('when the config is accepted, the slices hold at most max-in-flight in flight', () => {
    const load = parse({ 'arrival-rate': '100000/s', 'max-in-flight': 1000, workers: 25, requests: requests(40) }).data!.environments.t!.load!;
    let total = 0;
    for (let w = 1; w <= 25; w++) {
      const mif = shardLoad({ ...load, workers: 1 }, { index: w, count: 25 })['max-in-flight']!;
      for (let i = 0; i < 40; i++) total += Math.max(1, share(mif, 40, i));
    }
    expect(total).toBe(1000);
  });
});

describe('open model: the in-flight cap over shards', () => {
  it('a matrix of more shards than max-in-flight allows (one slot per request per worker per shard) is refused, naming max-in-flight', () => {
    const load = parse({ 'arrival-rate': '100/s', 'max-in-flight': 10, workers: 2, requests: requests(2) }).data!.environments.t!.load!;
    expect(() => shardLoad(load, { index: 1, count: 3 })).toThrow(/max-in-flight is 10.*12 over 3 shards/);
    expect(shardLoad(load, { index: 1, count: 2 })['max-in-flight']).toBe(5);
  });
});

describe('open model: config messages (issue 18 review)', () => {
  const problem = (load: string) => {
    try {
      parseConfigText(`environments:\n  t:\n    url: http://127.0.0.1:1\n    load:\n      ${load}\n`, 'lg.yml', {});
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  };
  it('an arrival rate out of range says what it found once', () => {
    const m = problem('arrival-rate: 1e9/s');
    expect(m.match(/found "1e9\/s"/g)).toHaveLength(1);
  });
  it('a refinement on a mapping does not end in ", found a mapping"', () => {
    expect(problem('arrival-rate: 0/s')).toMatch(/nothing would be sent/);
    expect(problem('arrival-rate: 0/s')).not.toMatch(/found a mapping/);
    expect(problem('duration: 11m')).not.toMatch(/found a mapping/);
  });
  it('stages that are all 0/s are refused at stages', () => {
    expect(problem('stages: [{duration: 1s, target: 0/s}, {duration: 1s, target: 0/s}]')).toMatch(/load\.stages: every stage targets 0/);
  });
});
