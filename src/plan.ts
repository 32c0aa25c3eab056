import { UserError } from './config/errors.js';
import type { LoadedConfig } from './config/load.js';
import type { Config, EnvironmentConfig } from './config/schema.js';
import { configSchema } from './config/schema.js';
import type { CheckName } from './core/types.js';
import type { RunOptions } from './options.js';

/** What this run will check, resolved from the config and the options. */
export interface RunPlan {
  readonly config: Config;
  readonly environment: string;
  readonly env: EnvironmentConfig;
  readonly baseUrl: string;
  readonly checks: readonly CheckName[];
  /** Where the config came from, for messages. */
  readonly source: string;
}

/** The config used when there is no file: one health probe of the target URL, expecting 2xx. */
export function defaultConfig(environment: string): Config {
  return configSchema.parse({ environments: { [environment]: { health: [{ name: 'target' }] } } });
}

export function definedChecks(env: EnvironmentConfig): CheckName[] {
  const out: CheckName[] = [];
  if (env.health && env.health.length > 0) out.push('health');
  if (env.metrics) out.push('metrics');
  return out;
}

export function resolvePlan(loaded: LoadedConfig | undefined, opts: RunOptions): RunPlan {
  if (!loaded && opts.configExplicit) {
    throw new UserError(`config: the file ${opts.configPath} does not exist`);
  }
  if (!loaded && !opts.targetUrl) {
    throw new UserError(
      `nothing to check: there is no config at ${opts.configPath} and no target-url input. Set target-url, or add a config file (see examples/launchguard.yml).`,
    );
  }
  const config = loaded?.config ?? defaultConfig(opts.environment);
  const source = loaded ? opts.configPath : 'target-url (no config file)';
  const env = config.environments[opts.environment];
  if (!env) {
    const known = Object.keys(config.environments);
    throw new UserError(
      `input environment: "${opts.environment}" is not in ${source}; it defines ${known.length ? known.map((k) => `"${k}"`).join(', ') : 'no environments'}`,
    );
  }
  const baseUrl = opts.targetUrl ?? env.url;
  if (!baseUrl) {
    throw new UserError(`environments.${opts.environment}.url is not set in ${source} and no target-url input was given`);
  }
  const defined = definedChecks(env);
  const checks = opts.checks ?? defined;
  for (const c of checks) {
    if (!defined.includes(c)) {
      throw new UserError(
        `input checks: "${c}" was asked for, but environments.${opts.environment} in ${source} has no ${c} section (it defines ${defined.join(', ') || 'none'})`,
      );
    }
  }
  return { config, environment: opts.environment, env, baseUrl, checks, source };
}
