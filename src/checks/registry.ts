import type { AnyCheck } from './check.js';
import { auditsCheck } from './audits/index.js';
import { healthCheck } from './health/index.js';
import { indexesCheck } from './indexes/index.js';
import { loadCheck } from './load/index.js';
import { metricsCheck } from './metrics/index.js';

/**
 * Every check, in the order its rows appear in the summary. Adding a check is adding its folder
 * and one line here (see docs/ARCHITECTURE.md, "Adding a check").
 */
export const CHECK_REGISTRY = [healthCheck, metricsCheck, loadCheck, indexesCheck, auditsCheck] as const satisfies readonly AnyCheck[];
