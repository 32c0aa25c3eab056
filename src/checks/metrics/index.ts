import { joinUrl } from '../../http/target.js';
import type { Check } from '../check.js';
import { evaluateMetrics, type MetricsVerdict } from './evaluate.js';
import { renderMetrics } from './render.js';
import { runMetrics } from './run.js';

/** The app's monitoring endpoints: system metrics, usage and its own alerts, against levels. */
export const metricsCheck: Check<'metrics', MetricsVerdict> = {
  name: 'metrics',
  configured: (config) => config.metrics !== undefined,
  urls: (config, baseUrl) => {
    const m = config.metrics;
    return [m?.system, m?.usage, m?.alerts].flatMap((e) => (e ? [joinUrl(baseUrl, e.path)] : []));
  },
  run: ({ plan, http }) => runMetrics(plan.environmentConfig, plan.baseUrl, http),
  evaluate: (results, ctx) => (results.metrics ? evaluateMetrics(results.metrics, results.health ?? [], ctx) : undefined),
  render: renderMetrics,
};
