import type { Check } from '../check.js';
import { evaluateIndexes, type IndexesVerdict } from './evaluate.js';
import { renderIndexes } from './render.js';

/** MongoDB: the declared indexes exist with their options, and the declared queries use one. */
export const indexesCheck: Check<'indexes', IndexesVerdict> = {
  name: 'indexes',
  configured: (config) => config.indexes !== undefined,
  urls: () => [],
  targetless: true,
  run: async ({ plan }) => {
    const cfg = plan.environmentConfig.indexes;
    if (!cfg || !plan.mongodbUri) return undefined;
    // Loaded lazily: only a run with the indexes check loads the MongoDB driver. Inside the check's
    // failure isolation, as before the registry: a driver that cannot load is this check's finding.
    const { runIndexes } = await import('./run.js');
    return runIndexes(cfg, plan.mongodbUri);
  },
  evaluate: (results, ctx) => (results.indexes && ctx.config.indexes ? evaluateIndexes(results.indexes, ctx.config.indexes, ctx) : undefined),
  render: renderIndexes,
};
