// Regenerates test/fixtures/github-openapi.json: the part of GitHub's official OpenAPI description
// (npm @octokit/openapi) that launchguard calls, with every component it references, made valid
// JSON Schema for ajv: OpenAPI 3.0's `nullable: true` becomes a union with null (the spec uses it
// also without `type`, beside $ref or allOf), and examples are dropped.
// Run: node scripts/trim-openapi.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const specPath = require.resolve('@octokit/openapi/generated/api.github.com.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const version = JSON.parse(readFileSync(require.resolve('@octokit/openapi/package.json'), 'utf8')).version;

export const PATHS = [
  '/repos/{owner}/{repo}',
  '/repos/{owner}/{repo}/contents/{path}',
  '/repos/{owner}/{repo}/git/ref/{ref}',
  '/repos/{owner}/{repo}/git/refs',
  '/repos/{owner}/{repo}/git/trees',
  '/repos/{owner}/{repo}/git/blobs/{file_sha}',
  '/repos/{owner}/{repo}/git/commits',
  '/repos/{owner}/{repo}/issues',
  '/repos/{owner}/{repo}/issues/{issue_number}',
  '/repos/{owner}/{repo}/issues/{issue_number}/comments',
  '/repos/{owner}/{repo}/issues/comments/{comment_id}',
  '/repos/{owner}/{repo}/issues/{issue_number}/labels',
  '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
  '/repos/{owner}/{repo}/labels',
  '/repos/{owner}/{repo}/labels/{name}',
  '/user',
];

const DROP = new Set(['examples', 'example', 'x-github', 'x-githubEnterpriseOnly', 'x-multi-segment']);

/** Deep copy without examples, with nullable turned into JSON Schema. */
function clean(node) {
  if (Array.isArray(node)) return node.map(clean);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (DROP.has(k) || k === 'nullable') continue;
    out[k] = clean(v);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const refs = new Set();
function collect(node) {
  if (Array.isArray(node)) return node.forEach(collect);
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/') && !refs.has(v)) {
      refs.add(v);
      const [, , section, name] = v.split('/');
      collect(spec.components[section][name]);
    } else if (!DROP.has(k)) collect(v);
  }
}

// Error bodies (4xx) are declared as `oneOf: [basic-error, repository-rule-violation-error]`, whose
// branches have no required keys: any error body matches both, so oneOf can never pass. Use anyOf.
function relaxErrorOneOf(op) {
  for (const [status, res] of Object.entries(op.responses ?? {})) {
    const schema = res.content?.['application/json']?.schema;
    if (status.startsWith('4') && schema?.oneOf) {
      res.content['application/json'].schema = { anyOf: schema.oneOf };
    }
  }
}

const paths = {};
for (const p of PATHS) {
  if (!spec.paths[p]) throw new Error(`the spec has no path ${p}`);
  paths[p] = structuredClone(spec.paths[p]);
  for (const op of Object.values(paths[p])) if (op && typeof op === 'object' && op.responses) relaxErrorOneOf(op);
  collect(paths[p]);
}
const components = {};
for (const ref of [...refs].sort()) {
  const [, , section, name] = ref.split('/');
  (components[section] ??= {})[name] = spec.components[section][name];
}
const out = clean({ openapi: spec.openapi, info: { ...spec.info, 'x-trimmed-from': `@octokit/openapi ${version}` }, paths, components });
writeFileSync(new URL('../test/fixtures/github-openapi.json', import.meta.url), `${JSON.stringify(out)}\n`);
console.log(`wrote ${PATHS.length} paths, ${refs.size} components from @octokit/openapi ${version}`);
