import { joinUrl } from '../../http/target.js';
import type { Check } from '../check.js';
import { evaluateAudits, type AuditVerdict } from './evaluate.js';
import { renderAudits } from './render.js';
import { runAudits } from './run.js';

/** The guide's quick wins verified against the deployment, read-only: compression, pagination, caching, TLS, headers, sizes. */
export const auditsCheck: Check<'audits', AuditVerdict> = {
  name: 'audits',
  configured: (config) => config.audits !== undefined,
  urls: (config, baseUrl) => {
    const a = config.audits;
    if (!a) return [];
    const paths = [...(a.compression?.paths ?? []), ...(a.pagination?.paths ?? []), ...(a.caching?.paths ?? []), ...Object.keys(a.size ?? {}), a.headers.path];
    return paths.map((p) => joinUrl(baseUrl, p));
  },
  run: ({ plan, http, clock }) => runAudits(plan.environmentConfig, plan.baseUrl, http, () => clock.now()),
  evaluate: (results, ctx) => (results.audits ? evaluateAudits(results.audits, ctx) : undefined),
  render: renderAudits,
};
