import { joinUrl } from '../../http/target.js';
import { StoppedWithResult, type Check } from '../check.js';
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
  // As before the registry: autocannon and the merges load outside the check's failure isolation.
  preload: () => Promise.all([import('./run.js'), import('../../scale/shards.js'), import('../../scale/samples.js')]),
  run: async ({ plan, http, clock, shardSpec }) => {
    const cfg = plan.environmentConfig.load;
    if (!cfg) return undefined;
    // Loaded lazily, so a health-only run never loads autocannon.
    const { runLoad } = await import('./run.js');
    const loadCfg = shardSpec ? (await import('../../scale/shards.js')).shardLoad(cfg, shardSpec) : cfg;
    const tls = plan.environmentConfig.tls;
    const target = { baseUrl: plan.baseUrl, headers: plan.environmentConfig.headers, ...(tls ? { tls: { caFile: tls.ca, rejectUnauthorized: tls['reject-unauthorized'] } } : {}) };
    const runOnce = () => runLoad(loadCfg, target, clock, () => clock.now(), http);
    // A gate judges the median of several samples: one sample makes a flaky gate.
    const sampleCount = plan.mode === 'gate' ? cfg.samples : 1;
    const sampleResults: LoadResult[] = [];
    const merged = async () => (sampleResults.length === 1 ? sampleResults[0]! : (await import('../../scale/samples.js')).medianOfSamples(sampleResults));
    for (let i = 0; i < sampleCount; i++) {
      let r: LoadResult;
      try {
        r = await runOnce();
      } catch (err) {
        // The samples already taken are kept and judged; the failure is reported beside them.
        if (sampleResults.length) throw new StoppedWithResult(await merged(), err);
        throw err;
      }
      sampleResults.push(r);
      if (r.overall.responses === 0) break; // unreachable: more samples would say the same
    }
    return merged();
  },
  evaluate: (results, ctx) => (results.load ? evaluateLoad(results.load, ctx) : undefined),
  render: renderLoad,
};
