import { joinUrl } from '../../http/target.js';
import type { Check } from '../check.js';
import { evaluateLoad, type LoadVerdict } from './evaluate.js';
import { renderLoad } from './render.js';
import type { LoadResult } from './types.js';

/** A short load test: latency percentiles, error rate and throughput against budgets and the baseline. */
export const loadCheck: Check<'load', LoadVerdict> = {
  name: 'load',
  configured: (config) => config.load !== undefined,
  urls: (config, baseUrl) => (config.load?.requests ?? []).map((r) => joinUrl(baseUrl, r.path)),
  // After the probes, so it does not distort their latency.
  runsLast: true,
  preload: () => import('./run.js'),
  run: async ({ plan, http, clock, shardSpec }) => {
    const cfg = plan.environmentConfig.load;
    if (!cfg) return undefined;
    // Loaded lazily, so a health-only run never loads autocannon.
    const { runLoad } = await import('./run.js');
    const loadCfg = shardSpec ? (await import('../../scale/shards.js')).shardLoad(cfg, shardSpec) : cfg;
    const runOnce = () => runLoad(loadCfg, { baseUrl: plan.baseUrl, headers: plan.environmentConfig.headers }, clock, () => clock.now(), http);
    // A gate judges the median of several samples: one sample makes a flaky gate.
    const sampleCount = plan.mode === 'gate' ? cfg.samples : 1;
    const samples: LoadResult[] = [];
    for (let i = 0; i < sampleCount; i++) {
      const r = await runOnce();
      samples.push(r);
      if (r.overall.responses === 0) break; // unreachable: more samples would say the same
    }
    return samples.length === 1 ? samples[0] : (await import('../../scale/samples.js')).medianOfSamples(samples);
  },
  evaluate: (results, ctx) => (results.load ? evaluateLoad(results.load, ctx) : undefined),
  render: renderLoad,
};
