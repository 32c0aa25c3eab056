import { UserError } from './config/errors.js';
import { SEVERITIES, type FailOn } from './core/severity.js';
import { CHECKS, type CheckName } from './core/types.js';
import { parseShard, type ShardSpec } from './scale/shard-spec.js';

export const DEFAULT_CONFIG_PATH = '.github/launchguard.yml';

/** What one run is asked to do: the action's inputs or the CLI's flags, validated. */
export interface RunOptions {
  readonly configPath: string;
  /** False when the path is the default: then a missing file is fine if a target URL is given. */
  readonly configExplicit: boolean;
  readonly targetUrl?: string;
  readonly environment: string;
  /** Undefined: every check the config defines. */
  readonly checks?: readonly CheckName[];
  readonly mongodbUri?: string;
  readonly githubToken?: string;
  readonly mode: 'monitor' | 'gate' | 'merge';
  /** This run is shard i of N of a split load test. */
  readonly shardSpec?: ShardSpec;
  /** For mode merge: shard results as JSON, or report files (paths or globs, one per line or comma). */
  readonly shards?: string;
  readonly issues: boolean;
  readonly failOn: FailOn;
  readonly dryRun: boolean;
  readonly reportPath: string;
  /** For mode page: the folder, where to publish it, the branch and the title. */
  readonly page: { readonly dir: string; readonly publish: 'folder' | 'branch'; readonly branch: string; readonly title: string };
}

const CHECK_MODES = ['monitor', 'gate', 'merge'] as const;
const isCheckMode = (m: string): m is (typeof CHECK_MODES)[number] => (CHECK_MODES as readonly string[]).includes(m);

/** Modes that run no check but report from the run history: the action dispatches them before parseOptions. */
export const REPORT_MODES = ['page', 'review'] as const;
export type ReportMode = (typeof REPORT_MODES)[number];

/** The report mode the `mode` input asks for, if it is one. */
export function reportMode(get: (name: string) => string): ReportMode | undefined {
  const v = get('mode').trim().toLowerCase();
  return (REPORT_MODES as readonly string[]).includes(v) ? (v as ReportMode) : undefined;
}

/** Reads raw string inputs (as the runner or the CLI gives them) into RunOptions, naming the input at fault. */
export function parseOptions(get: (name: string) => string, reportPath: string): RunOptions {
  const configRaw = get('config').trim();
  const targetUrl = get('target-url').trim() || undefined;
  if (targetUrl !== undefined) {
    let u: URL;
    try {
      u = new URL(targetUrl);
    } catch {
      throw new UserError(`input target-url: expected an http(s) URL, found ${JSON.stringify(targetUrl)}`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new UserError(`input target-url: expected an http(s) URL, found the scheme "${u.protocol}"`);
    }
  }
  const checksRaw = get('checks').trim();
  let checks: CheckName[] | undefined;
  if (checksRaw !== '') {
    checks = [];
    for (const c of checksRaw.split(/[\s,]+/).filter(Boolean)) {
      if (!(CHECKS as readonly string[]).includes(c)) {
        throw new UserError(`input checks: unknown check "${c}"; expected a comma list of ${CHECKS.join(', ')}`);
      }
      if (!checks.includes(c as CheckName)) checks.push(c as CheckName);
    }
  }
  const asked = oneOf(get, 'mode', [...CHECK_MODES, ...REPORT_MODES] as const, 'monitor');
  if (!isCheckMode(asked)) throw new UserError(`input mode: ${asked} runs no check; the action reads it with reportMode() first`);
  const mode = asked;
  const shardRaw = get('shard').trim();
  const shardSpec = shardRaw ? parseShard(shardRaw, 'input shard') : undefined;
  if (shardSpec && mode !== 'monitor') throw new UserError(`input shard: a shard run measures load for a later merge run; it cannot also be mode ${mode}`);
  const shards = get('shards').trim() || undefined;
  if (mode === 'merge' && !shards) {
    throw new UserError('input shards: mode merge needs the shard results: the shard jobs\' outputs as JSON (${{ toJSON(needs.<job>.outputs) }}) or their report files');
  }
  // A gate counts any budget breach by default; a monitor fails the step from SEV2 up.
  const failOn = oneOf(get, 'fail-on', [...SEVERITIES, 'none'] as const, mode === 'gate' ? 'sev4' : 'sev2');
  return {
    configPath: configRaw || DEFAULT_CONFIG_PATH,
    configExplicit: configRaw !== '' && configRaw !== DEFAULT_CONFIG_PATH,
    targetUrl,
    environment: get('environment').trim() || 'production',
    checks,
    mongodbUri: get('mongodb-uri').trim() || undefined,
    githubToken: get('github-token').trim() || undefined,
    mode,
    ...(shardSpec ? { shardSpec } : {}),
    ...(shards ? { shards } : {}),
    issues: bool(get, 'issues', true),
    failOn,
    dryRun: bool(get, 'dry-run', false),
    reportPath,
    page: {
      dir: get('page-dir').trim() || 'launchguard-page',
      publish: oneOf(get, 'page-publish', ['folder', 'branch'] as const, 'folder'),
      branch: get('page-branch').trim() || 'gh-pages',
      title: get('page-title').trim() || 'Status',
    },
  };
}

function oneOf<const T extends readonly string[]>(get: (n: string) => string, name: string, allowed: T, def: T[number]): T[number] {
  const v = get(name).trim().toLowerCase();
  if (v === '') return def;
  if (!allowed.includes(v)) throw new UserError(`input ${name}: expected one of ${allowed.join(', ')}, found ${JSON.stringify(v)}`);
  return v as T[number];
}

function bool(get: (n: string) => string, name: string, def: boolean): boolean {
  const v = get(name).trim().toLowerCase();
  if (v === '') return def;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new UserError(`input ${name}: expected true or false, found ${JSON.stringify(v)}`);
}
