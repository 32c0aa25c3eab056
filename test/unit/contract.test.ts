import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseOptions } from '../../src/options.js';

// The action's contract: what action.yml declares, what the code reads and sets, and what the
// README documents are the same names. The dynamic `shard-result-<i>` outputs cannot be declared
// in action.yml; they are documented (in shard-result's description and in the README) as such.

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const DYNAMIC_OUTPUT = 'shard-result-<i>';

/** Inputs the code reads: every name parseOptions asks the runner for. */
function inputsRead(): string[] {
  const names = new Set<string>();
  parseOptions((name) => {
    names.add(name);
    return '';
  }, '/tmp/report.json');
  return [...names].sort();
}

/** Outputs the code sets: every `setOutput(name` in the action's sources; a template name is the dynamic output. */
function outputsSet(): string[] {
  const names = new Set<string>();
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    const text = readFileSync(`src/${f}`, 'utf8');
    for (const m of text.matchAll(/\bset(?:Data)?Output\(\s*(['"`])([^'"`]*)\1?/g)) {
      const name = m[2]!;
      names.add(name.includes('${') ? DYNAMIC_OUTPUT : name);
    }
  }
  return [...names].sort();
}

/** The names in the first column of the table under a README heading. */
function readmeTable(readme: string, heading: string): string[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) return [];
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const names: string[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cell = line.split('|')[1]!;
    for (const m of cell.matchAll(/`([^`]+)`/g)) names.push(m[1]!);
  }
  return names.sort();
}

function contractProblems(action: ActionYml, readme: string): string[] {
  const problems: string[] = [];
  const same = (what: string, a: [string, string[]], b: [string, string[]]) => {
    for (const n of a[1]) if (!b[1].includes(n)) problems.push(`${what} ${n}: in ${a[0]}, not in ${b[0]}`);
    for (const n of b[1]) if (!a[1].includes(n)) problems.push(`${what} ${n}: in ${b[0]}, not in ${a[0]}`);
  };
  const declaredInputs = Object.keys(action.inputs ?? {}).sort();
  same('input', ['action.yml', declaredInputs], ['the code', inputsRead()]);
  same('input', ['action.yml', declaredInputs], ['the README', readmeTable(readme, 'Inputs')]);

  const declaredOutputs = Object.keys(action.outputs ?? {});
  if (action.outputs?.['shard-result']?.description.includes('shard-result-<i>')) declaredOutputs.push(DYNAMIC_OUTPUT);
  declaredOutputs.sort();
  same('output', ['action.yml', declaredOutputs], ['the code', outputsSet()]);
  same('output', ['action.yml', declaredOutputs], ['the README', readmeTable(readme, 'Outputs')]);
  return problems;
}

/** The workflows the README shows (yaml blocks with `jobs:`) and the project's own. */
function workflows(): [string, { permissions?: unknown; jobs: Record<string, { permissions?: unknown; steps?: { uses?: string; run?: string }[] }> }][] {
  const readme = readFileSync('README.md', 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => /^jobs:/m.test(b));
  const own = readdirSync('.github/workflows').map((f) => `.github/workflows/${f}`);
  return [
    ...blocks.map((b, i) => [`README workflow ${i + 1}`, parse(b)] as [string, never]),
    ...own.map((f) => [f, parse(readFileSync(f, 'utf8'))] as [string, never]),
  ];
}

/** Scopes a launchguard workflow may need; anything else is more than least privilege (pages and id-token: actions/deploy-pages for the status page). */
const SCOPES = new Set(['contents', 'issues', 'pull-requests', 'deployments', 'statuses', 'actions', 'pages', 'id-token']);

function workflowProblems(name: string, wf: ReturnType<typeof workflows>[number][1]): string[] {
  const problems: string[] = [];
  const checkPermissions = (where: string, p: unknown) => {
    if (typeof p === 'string') problems.push(`${name}: ${where} permissions: ${p} (name each scope instead)`);
    else for (const scope of Object.keys((p as object) ?? {})) if (!SCOPES.has(scope)) problems.push(`${name}: ${where} asks for ${scope}`);
  };
  if (wf.permissions !== undefined) checkPermissions('top-level', wf.permissions);
  for (const [jobName, job] of Object.entries(wf.jobs)) {
    if (wf.permissions === undefined && job.permissions === undefined) problems.push(`${name}: job ${jobName} declares no permissions`);
    if (job.permissions !== undefined) checkPermissions(`job ${jobName}`, job.permissions);
    for (const step of job.steps ?? []) {
      const uses = step.uses;
      if (uses && !uses.startsWith('./')) {
        const ref = uses.split('@')[1] ?? '';
        if (!/^v\d+$/.test(ref) && !/^[0-9a-f]{40}$/.test(ref)) problems.push(`${name}: ${uses} is not pinned to a major version or a commit SHA`);
      }
      if (step.run?.includes('${{ github.event.')) problems.push(`${name}: job ${jobName} puts event text into a run: script`);
    }
  }
  return problems;
}

describe('the action contract', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml;
  const readme = readFileSync('README.md', 'utf8');

  it('action.yml, the code and the README name the same inputs and outputs', () => {
    expect(inputsRead().length).toBeGreaterThan(5);
    expect(outputsSet()).toContain(DYNAMIC_OUTPUT);
    expect(contractProblems(action, readme)).toEqual([]);
  });

  it('an input removed from action.yml, or an output left out of the README, is caught', () => {
    const { 'dry-run': _removed, ...inputs } = action.inputs;
    expect(contractProblems({ ...action, inputs }, readme)).toEqual(['input dry-run: in the code, not in action.yml', 'input dry-run: in the README, not in action.yml']);
    const shorter = readme.replace('| `findings-count` |', '| findings-count |');
    expect(contractProblems(action, shorter)).toEqual(['output findings-count: in action.yml, not in the README']);
  });

  it('the example workflows pin actions, declare least-privilege permissions and keep event text out of run: scripts', () => {
    const all = workflows();
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(all.flatMap(([name, wf]) => workflowProblems(name, wf))).toEqual([]);
  });

  it('the workflow rules can fail', () => {
    const bad = {
      permissions: 'write-all',
      jobs: { j: { steps: [{ uses: 'actions/checkout@main' }, { run: 'echo "${{ github.event.pull_request.title }}"' }] } },
    };
    expect(workflowProblems('bad', bad)).toEqual([
      'bad: top-level permissions: write-all (name each scope instead)',
      'bad: actions/checkout@main is not pinned to a major version or a commit SHA',
      'bad: job j puts event text into a run: script',
    ]);
  });
});
