import { joinUrl } from '../../http/target.js';
import type { Check } from '../check.js';
import { evaluateHealth, type HealthVerdict } from './evaluate.js';
import { renderHealth } from './render.js';
import { runHealth } from './run.js';

/** Health probes: each endpoint answers, with the expected status and body, within its budget. */
export const healthCheck: Check<'health', HealthVerdict> = {
  name: 'health',
  configured: (config) => (config.health?.length ?? 0) > 0,
  urls: (config, baseUrl) => (config.health ?? []).map((p) => joinUrl(baseUrl, p.path)),
  run: ({ plan, http, redactor }) => runHealth(plan.environmentConfig, plan.baseUrl, http, redactor),
  evaluate: (results, ctx) => (results.health ? evaluateHealth(results.health, ctx) : undefined),
  render: renderHealth,
};
