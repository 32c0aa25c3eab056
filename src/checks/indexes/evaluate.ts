import type { EvalContext } from '../check.js';
import { builder, finding, observe, ruled, type Builder } from '../legacy.js';
import type { IndexesConfig } from './schema.js';
import { collectionProblems, worstProblem } from './problems.js';
import { ruleSeverity } from '../../core/severity.js';
import type { IndexesResult } from '../../core/types.js';

export function evaluateIndexes(result: IndexesResult, cfg: IndexesConfig, ctx: EvalContext): Builder {
  const b = builder();
  b.notes.push(...result.notes);
  observe(b, ctx, 'indexes', 'connection');
  if (!result.connected) {
    const e = result.error!;
    const why = e.kind === 'auth' ? 'authentication failed' : 'cannot connect';
    const f = ruled(ctx, 'indexes-unreachable', (s) =>
      finding(ctx, 'indexes', 'connection', 'indexes-unreachable', s, `MongoDB ${result.database} unreachable`,
        `${why} to MongoDB at ${result.host} (database ${result.database}): ${e.message}`,
        { remediation: e.kind === 'auth' ? 'check the user and password in the MongoDB URI secret, and the authSource' : 'check the host, the port, the network access list and TLS settings in the MongoDB URI' }),
    );
    if (f) b.findings.push(f);
    b.rows.push({ check: 'indexes', subject: 'connection', value: `${why}: ${e.message}`, budget: 'connects', verdict: 'fail', severity: f?.severity });
    return b;
  }
  for (const c of result.collections) {
    observe(b, ctx, 'indexes', c.name);
    const declared = cfg.collections[c.name]?.length ?? 0;
    const problems = collectionProblems(cfg, c, result);
    const severity = worstProblem(problems, (r) => ruleSeverity(r, ctx.severity));
    const budget = `${declared} declared index${declared === 1 ? '' : 'es'}`;
    if (!severity) {
      const value = c.exists ? `${declared} of ${declared} present` : 'missing';
      b.rows.push({ check: 'indexes', subject: c.name, value, budget, verdict: problems.length ? 'skip' : 'pass' });
      continue;
    }
    // One finding per collection, listing everything wrong there: ten missing indexes are one incident.
    const fixes = problems.flatMap((p) => (p.fix ? [p.fix] : []));
    b.findings.push(
      finding(ctx, 'indexes', c.name, problems.length === 1 ? problems[0]!.rule : 'indexes', severity, `MongoDB indexes of ${c.name} need attention`,
        problems.map((p) => p.text).join('; '),
        { measured: { value: problems.length, unit: 'problems' }, ...(fixes.length ? { remediation: fixes.join('\n') } : {}) }),
    );
    b.rows.push({ check: 'indexes', subject: c.name, value: problems.map((p) => p.text).join('; '), budget, verdict: 'fail', severity });
  }
  for (const q of result.queries) {
    const value = q.error ? `not explained: ${q.error}` : q.collscan ? `COLLSCAN (${q.stages.join(' → ')})` : `${q.stages.join(' → ')}${q.indexName ? ` on ${q.indexName}` : ''}`;
    b.rows.push({ check: 'indexes', subject: `query ${q.name}`, value, budget: 'uses an index', verdict: q.error ? 'skip' : q.collscan ? 'fail' : 'pass' });
  }
  return b;
}
