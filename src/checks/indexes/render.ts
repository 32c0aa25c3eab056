import type { EvalContext, Judged, Rendered } from '../check.js';
import { RenderedBuilder } from '../rendering.js';
import type { IndexSpec } from './schema.js';
import type { IndexesVerdict } from './evaluate.js';
import { keyOf, OPTIONS, type IndexProblem } from './problems.js';

export function renderIndexes(judged: Judged<IndexesVerdict>, ctx: EvalContext): Rendered {
  const b = new RenderedBuilder(ctx, 'indexes');
  for (const v of judged.verdicts) {
    switch (v.kind) {
      case 'notes':
        for (const n of v.notes) b.note(n);
        break;
      case 'unreachable': {
        const { result, error: e } = v;
        const why = e.kind === 'auth' ? 'authentication failed' : 'cannot connect';
        const f = v.graded && b.finding('connection', v.graded, `MongoDB ${result.database} unreachable`, `${why} to MongoDB at ${result.host} (database ${result.database}): ${e.message}`, {
          remediation: e.kind === 'auth' ? 'check the user and password in the MongoDB URI secret, and the authSource' : 'check the host, the port, the network access list and TLS settings in the MongoDB URI',
        });
        b.fail('connection', `${why}: ${e.message}`, 'connects', f || undefined);
        break;
      }
      case 'collection': {
        const budget = `${v.declared} declared index${v.declared === 1 ? '' : 'es'}`;
        if (!v.severity) {
          b.row(v.collection, v.exists ? `${v.declared} of ${v.declared} present` : 'missing', budget, v.problems.length ? 'skip' : 'pass');
          break;
        }
        const text = v.problems.map(problemText).join('; ');
        const fixes = v.problems.flatMap((p) => {
          const fix = problemFix(p);
          return fix ? [fix] : [];
        });
        const rule = v.problems.length === 1 ? v.problems[0]!.rule : 'indexes';
        const f = b.finding(v.collection, { rule, severity: v.severity }, `MongoDB indexes of ${v.collection} need attention`, text, {
          measured: { value: v.problems.length, unit: 'problems' },
          ...(fixes.length ? { remediation: fixes.join('\n') } : {}),
        });
        b.fail(v.collection, text, budget, f);
        break;
      }
      case 'query': {
        const q = v.query;
        const value = q.error ? `not explained: ${q.error}` : q.collscan ? `COLLSCAN (${q.stages.join(' → ')})` : `${q.stages.join(' → ')}${q.indexName ? ` on ${q.indexName}` : ''}`;
        b.row(`query ${q.name}`, value, 'uses an index', q.error ? 'skip' : q.collscan ? 'fail' : 'pass');
        break;
      }
    }
  }
  return b.done();
}

const js = (v: unknown) => JSON.stringify(v);

function describeKey(key: unknown): string {
  return `{ ${keyOf(key).map(([k, v]) => `${k}: ${js(v)}`).join(', ')} }`;
}

/** What is wrong, in one clause. */
export function problemText(p: IndexProblem): string {
  switch (p.kind) {
    case 'collection-missing':
      return `collection ${p.collection} does not exist in ${p.database}`;
    case 'index-missing':
      return `missing ${p.spec.unique ? 'unique ' : ''}index ${describeKey(p.spec.key)}${p.spec.unique ? ' (duplicates can be written)' : ''}`;
    case 'index-differs':
      return `index ${p.name} ${describeKey(p.spec.key)} differs: ${p.diffs.map((d) => `${d.option} expected ${js(d.expected)}, found ${d.found === undefined ? 'not set' : js(d.found)}`).join('; ')}${p.uniqueLost ? ' (present without unique: duplicates can be written)' : ''}`;
    case 'undeclared':
      return `index ${p.name} ${describeKey(p.key)} is not declared in the config`;
    case 'unused':
      return `index ${p.name} has had no operations since ${p.since}`;
    case 'collscan':
      return `query ${p.query} scans the whole collection (COLLSCAN: ${p.stages.join(' → ')})`;
  }
}

/** The mongosh command that fixes it, when there is one. */
export function problemFix(p: IndexProblem): string | undefined {
  switch (p.kind) {
    case 'collection-missing':
      return p.expected.map((s) => createIndexCommand(p.collection, s)).join('\n') || undefined;
    case 'index-missing':
      return createIndexCommand(p.collection, p.spec);
    case 'index-differs':
      return p.ttlOnly
        ? `db.runCommand({ collMod: ${js(p.collection)}, index: { name: ${js(p.name)}, expireAfterSeconds: ${p.spec.expireAfterSeconds} } })`
        : `${collRef(p.collection)}.dropIndex(${js(p.name)}); ${createIndexCommand(p.collection, p.spec)}${p.uniqueLost ? '  // remove duplicate values first' : ''}`;
    default:
      return undefined;
  }
}

/** The mongosh command that creates an index: shown as the remediation. */
export function createIndexCommand(collection: string, spec: IndexSpec): string {
  const opts: Record<string, unknown> = {};
  if (spec.name) opts.name = spec.name;
  for (const o of OPTIONS) if (spec[o] !== undefined && spec[o] !== false) opts[o] = spec[o];
  const keys = `{ ${Object.entries(spec.key).map(([k, v]) => `${js(k)}: ${js(v)}`).join(', ')} }`;
  const options = Object.keys(opts).length ? `, ${js(opts)}` : '';
  return `${collRef(collection)}.createIndex(${keys}${options})`;
}

function collRef(collection: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(collection) ? `db.${collection}` : `db.getCollection(${js(collection)})`;
}
