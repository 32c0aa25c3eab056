import { UserError } from './config/errors.js';
import { parseMongoUri } from './config/mongodb-uri.js';
import type { LoadedConfig } from './config/load.js';
import type { Config, EnvironmentConfig } from './config/schema.js';
import { configSchema } from './config/schema.js';
import type { CheckName } from './core/types.js';
import type { RunOptions } from './options.js';
import { CHECK_REGISTRY } from './checks/registry.js';
import { auditsSchema } from './checks/audits/schema.js';

/** What this run will check, resolved from the config and the options. */
export interface RunPlan {
  /** The whole config file (every environment, severity overrides, incidents); `environmentConfig` is this run's environment. */
  readonly fullConfig: Config;
  readonly environment: string;
  readonly environmentConfig: EnvironmentConfig;
  /** Empty when only the indexes check runs. */
  readonly baseUrl: string;
  readonly checks: readonly CheckName[];
  /** Where the config came from, for messages. */
  readonly source: string;
  /** For the indexes check: the input's URI, or the config's. */
  readonly mongodbUri?: string;
  readonly mode: 'monitor' | 'gate' | 'merge';
}

/**
 * The config used when there is no file: one health probe of the target URL expecting 2xx, and a
 * default load test (10 connections for 10 s) that runs only when `checks` asks for it.
 */
export function defaultConfig(environment: string): Config {
  return configSchema.parse({ environments: { [environment]: { health: [{ name: 'target' }], load: {} } } });
}

export function definedChecks(config: EnvironmentConfig): CheckName[] {
  const out: CheckName[] = [];
  for (const check of CHECK_REGISTRY) if (check.configured(config)) out.push(check.name);
  return out;
}

export const MAX_CONNECTIONS = 1000;
export const MAX_DURATION_MS = 10 * 60 * 1000;

/** Refuses load that could flatten a production service, unless the config says it means it. */
function checkSafetyCaps(config: EnvironmentConfig, name: string, source: string): void {
  const load = config.load;
  if (!load || load['allow-heavy']) return;
  const at = `environments.${name}.load`;
  if (load.connections > MAX_CONNECTIONS) {
    throw new UserError(`${source}: ${at}.connections is ${load.connections}, above the safety cap of ${MAX_CONNECTIONS}. Set ${at}.allow-heavy: true if you mean it.`);
  }
  // The 10-minute cap on duration plus warmup is checked by the schema, at the key's line.
}

export function resolvePlan(loaded: LoadedConfig | undefined, opts: RunOptions): RunPlan {
  if (!loaded && opts.configExplicit) {
    throw new UserError(`config: the file ${opts.configPath} does not exist`);
  }
  if (!loaded && !opts.targetUrl) {
    throw new UserError(
      `nothing to check: there is no config file at ${opts.configPath} and no target-url input. If the config is in the repository, run actions/checkout before this step (without it the workspace is empty); otherwise set target-url, or add a config file (see examples/launchguard.yml).`,
    );
  }
  const config = loaded?.config ?? defaultConfig(opts.environment);
  const source = loaded ? opts.configPath : 'target-url (no config file)';
  // An own key only: `environment: constructor` must not find Object.prototype's.
  const configured = Object.hasOwn(config.environments, opts.environment) ? config.environments[opts.environment] : undefined;
  if (!configured) {
    const known = Object.keys(config.environments);
    throw new UserError(
      `input environment: "${opts.environment}" is not in ${source}; it defines ${known.length ? known.map((k) => `"${k}"`).join(', ') : 'no environments'}`,
    );
  }
  const baseUrl0 = opts.targetUrl ?? configured.url ?? '';
  // The TLS audit is on for every https target, with no config: an expired certificate is an outage.
  const environmentConfig = withDefaultTlsAudit(configured, baseUrl0, opts);
  const defined = definedChecks(environmentConfig);
  // Without a config file only the health probe runs by default: not every team wants load on production every 15 minutes.
  // A shard only generates load; a merge only judges the shards' load.
  const splitLoad = opts.shardSpec !== undefined || opts.mode === 'merge';
  if (splitLoad && !environmentConfig.load) {
    throw new UserError(`${opts.shardSpec ? 'input shard' : 'mode merge'}: environments.${opts.environment} in ${source} has no load section to ${opts.shardSpec ? 'split' : 'judge'}`);
  }
  const byDefault: CheckName[] = loaded ? defined : ['health', ...(environmentConfig.audits ? (['audits'] as const) : [])];
  const checks = splitLoad ? (['load'] as CheckName[]) : (opts.checks ?? byDefault);
  const baseUrl = baseUrl0;
  if (!baseUrl && opts.mode !== 'merge' && CHECK_REGISTRY.some((c) => checks.includes(c.name) && !c.targetless)) {
    throw new UserError(`environments.${opts.environment}.url is not set in ${source} and no target-url input was given`);
  }
  for (const c of checks) {
    if (!defined.includes(c)) {
      throw new UserError(
        `input checks: "${c}" was asked for, but environments.${opts.environment} in ${source} has no ${c} section (it defines ${defined.join(', ') || 'none'})`,
      );
    }
  }
  if (checks.includes('load')) checkSafetyCaps(environmentConfig, opts.environment, source);
  let mongodbUri: string | undefined;
  if (checks.includes('indexes')) {
    mongodbUri = opts.mongodbUri ?? environmentConfig.indexes?.uri;
    if (!mongodbUri) {
      throw new UserError(`indexes: no MongoDB URI. Set the mongodb-uri input, or environments.${opts.environment}.indexes.uri (for example "\${MONGODB_URI}") in ${source}`);
    }
    parseMongoUri(mongodbUri, opts.mongodbUri ? 'input mongodb-uri' : `environments.${opts.environment}.indexes.uri in ${source}`);
  }
  return { fullConfig: config, environment: opts.environment, environmentConfig, baseUrl, checks, source, mode: opts.mode, ...(mongodbUri ? { mongodbUri } : {}) };
}

/**
 * An https target gets the TLS audit (days to expiry, hostname, chain) when its environment has no
 * `audits:` of its own: with TLS only, not the other audits, which are opt-in. Not for a run that
 * names its checks, nor for a shard or merge run, which only measure or judge load.
 */
function withDefaultTlsAudit(config: EnvironmentConfig, baseUrl: string, opts: RunOptions): EnvironmentConfig {
  // An environment that waived certificate checks (reject-unauthorized: false) asked not to hear about them.
  if (config.audits || config.tls?.['reject-unauthorized'] === false || opts.checks || opts.shardSpec || opts.mode === 'merge' || !URL.canParse(baseUrl) || new URL(baseUrl).protocol !== 'https:') return config;
  return { ...config, audits: auditsSchema.parse({ headers: { hsts: false } }) };
}

