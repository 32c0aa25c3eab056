import type { Check } from '../check.js';
import { judgedOf, renderedOf, type Builder } from '../legacy.js';
import { evaluateIndexes } from './evaluate.js';

/** MongoDB: the declared indexes exist with their options, and the declared queries use one. */
export const indexesCheck: Check<'indexes', Builder> = {
  name: 'indexes',
  configured: (config) => config.indexes !== undefined,
  urls: () => [],
  // Loaded lazily: only a run with the indexes check loads the MongoDB driver.
  run: async ({ plan }) => {
    const cfg = plan.environmentConfig.indexes;
    if (!cfg || !plan.mongodbUri) return undefined;
    const { runIndexes } = await import('./run.js');
    return runIndexes(cfg, plan.mongodbUri);
  },
  evaluate: (results, ctx) => (results.indexes && ctx.config.indexes ? judgedOf(evaluateIndexes(results.indexes, ctx.config.indexes, ctx)) : undefined),
  render: renderedOf,
};
