import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createHttpClient } from '../http/client.js';
import { UserError } from '../config/errors.js';
import { describeFailure } from '../failure.js';
import { parseOptions } from '../options.js';
import { historyDecision, historyEntry, maintenanceOf } from '../baseline/policy.js';
import { runPipeline } from '../pipeline.js';
import { LocalBaselineStore } from '../baseline/local-store.js';
import { LocalRunStore } from '../history/local-store.js';
import { runHistoryDecision } from '../history/policy.js';
import { systemClock } from '../ports.js';
import { Redactor } from '../report/redact.js';
import { renderMarkdown, renderText } from '../report/render.js';
import type { Report } from '../report/report.js';
import type { Config } from '../config/schema.js';
import { planNotices } from '../notifications/plan.js';
import { headline } from '../notifications/payloads.js';
import { reconcile } from '../incidents/reconcile.js';
import { describeAction, describeHeld } from '../incidents/plan-lines.js';
import { FAULTS, startDemoTarget, type Fault } from '../demo/target.js';
import { PAGE_USAGE, pageCommand } from '../page/cli.js';

const USAGE = `launchguard: watch a web API after launch

Usage:
  launchguard check [--config FILE] [--target-url URL] [--environment NAME] [--checks LIST]
                    [--fail-on sev1|sev2|sev3|sev4|none] [--mongodb-uri URI] [--report FILE] [--json] [--dry-run]
  launchguard check --shard i/N ...                 one shard of a split load test (writes its result in the report)
  launchguard merge --shards FILES [--config FILE] [--environment NAME] [--json]
  launchguard demo  [--fault ${FAULTS.join('|')}] [--checks LIST] [--mongodb-uri URI] [--out DIR] [--json]
  launchguard demo-target [--fault ${FAULTS.join('|')}]
${PAGE_USAGE}

check  runs the checks of a config against a deployment and prints the report.
merge  combines the reports of shard runs (paths or globs, comma-separated) and judges them.
demo   starts the embedded demo target on 127.0.0.1 and runs examples/launchguard.yml against it.
demo-target  only starts the demo target, prints its URL and serves until stopped.
--dry-run    prints the incident issue plan the action would apply, records no history.

Exit status: 0 when no finding is at or above --fail-on (default sev2), 1 when one is, 2 on bad input.`;

const common = {
  checks: { type: 'string' },
  'fail-on': { type: 'string' },
  json: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export async function main(argv: readonly string[]): Promise<number> {
  const redactor = new Redactor();
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'check') return await check(rest, redactor);
    if (command === 'demo') return await demo(rest, redactor);
    if (command === 'merge') return await check(['--mode', 'merge', ...rest], redactor);
    if (command === 'demo-target') return await serveDemo(rest);
    if (command === 'page') return await pageCommand(rest, redactor, USAGE);
    throw new UserError(`unknown command "${command}"\n\n${USAGE}`);
  } catch (err) {
    const { message, stack } = describeFailure(err, redactor);
    console.error(`launchguard: ${message}`);
    if (stack && process.env.LAUNCHGUARD_DEBUG) console.error(stack);
    return err instanceof UserError ? 2 : 1;
  }
}

function parse<O extends ParseArgsConfig['options']>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true }).values;
  } catch (err) {
    throw new UserError(`${(err as Error).message}\n\n${USAGE}`);
  }
}

async function check(args: readonly string[], redactor: Redactor): Promise<number> {
  const v = parse(args, {
    ...common,
    config: { type: 'string' },
    'target-url': { type: 'string' },
    environment: { type: 'string' },
    'mongodb-uri': { type: 'string' },
    report: { type: 'string', default: 'launchguard-report.json' },
    shard: { type: 'string' },
    shards: { type: 'string' },
    mode: { type: 'string' },
  });
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  const get = (name: string) => {
    const value = (v as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : typeof value === 'boolean' ? String(value) : '';
  };
  return execute(parseOptions(get, resolve(v.report)), redactor, v.json, process.env);
}

async function execute(
  opts: ReturnType<typeof parseOptions>,
  redactor: Redactor,
  json: boolean,
  env: NodeJS.ProcessEnv,
  markdownPath?: string,
  historyRoot = process.cwd(),
): Promise<number> {
  const outcome = await runPipeline(opts, {
    clock: systemClock,
    createHttp: (tls) => createHttpClient(systemClock, tls),
    env,
    redactor,
    baselineStore: async (plan) => new LocalBaselineStore(resolve(historyRoot, plan.environmentConfig.load!.history.directory)),
    runStore: async (plan) => new LocalRunStore(resolve(historyRoot, plan.environmentConfig.history.directory)),
  });
  const { report } = outcome;
  const load = report.results.load;
  let recorded = '';
  // The same rule as the action's; the CLI has no event, and its history is a local folder.
  const decision = load ? historyDecision({ mode: opts.mode, dryRun: opts.dryRun, isShard: Boolean(opts.shardSpec), answered: load.overall.responses > 0, ...maintenanceOf(report) }) : undefined;
  // A folder that cannot be written costs the record, never the report: one line on stderr says so.
  const unwritten: string[] = [];
  if (load && outcome.store && decision?.record) {
    try {
      const h = await outcome.store.append(outcome.plan.environment, historyEntry(report, load, outcome.historyKey), outcome.plan.environmentConfig.load!.history['max-entries']);
      recorded = `history: ${outcome.store.where} (${h.entries.length} run${h.entries.length === 1 ? '' : 's'})`;
    } catch (err) {
      unwritten.push(`history: this run is not recorded in ${outcome.store.where}: ${(err as Error).message}`);
    }
  }
  const runDecision = runHistoryDecision({ enabled: outcome.plan.environmentConfig.history.record, mode: opts.mode, dryRun: opts.dryRun, isShard: Boolean(opts.shardSpec) });
  let runs = '';
  if (outcome.runStore && runDecision.record) {
    try {
      runs = `run history: ${await outcome.runStore.append(outcome.plan.environment, redactor.value(outcome.runRecord))}`;
    } catch (err) {
      unwritten.push(`run history: this run is not recorded in ${outcome.runStore.where}: ${(err as Error).message}`);
    }
  }
  // The boundary: what is written or printed goes through the redactor.
  if (markdownPath) await writeFile(markdownPath, redactor.text(renderMarkdown(report)));
  process.stdout.write(redactor.text(json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report)));
  if (!json) {
    console.log(redactor.text(`report: ${opts.reportPath}${markdownPath ? ` and ${markdownPath}` : ''}`));
    if (recorded) console.log(redactor.text(recorded));
    if (runs) console.log(redactor.text(runs));
    if (opts.dryRun) console.log(redactor.text(dryRunPlan(outcome.plan.fullConfig, report, opts)));
  }
  for (const line of unwritten) console.error(redactor.text(`launchguard: ${line}`));
  return report.verdict.status === 'fail' ? 1 : 0;
}

/**
 * `--dry-run`: the incident plan the action would apply, from the same pure reconcile. The CLI
 * reads no GitHub issues, so the plan is the one against a repository without launchguard issues.
 */
function dryRunPlan(fullConfig: Config, report: Report, opts: ReturnType<typeof parseOptions>): string {
  const cfg = fullConfig.incidents;
  const head = 'issues (dry-run: the plan the action would apply to a repository with no launchguard issues yet; nothing is written):';
  if (!opts.issues) return `${head}\n  none: issues are turned off`;
  if (opts.mode === 'gate' || opts.shardSpec) return `${head}\n  none: ${opts.mode === 'gate' ? 'gate mode never opens incident issues' : 'a shard run leaves them to the merge run'}`;
  const incidentPlan = reconcile({ environment: report.environment, findings: report.findings, observed: report.observed, issues: [], pending: {}, config: cfg, now: new Date(report.startedAt), ...(report.suppression ? { suppression: report.suppression } : {}) });
  const lines = incidentPlan.actions.map((a) => `  would ${describeAction(a, { planned: true })}`);
  lines.push(...incidentPlan.held.map((h) => `  ${describeHeld(h)}`));
  if (incidentPlan.deferred.length) lines.push(`  and leave ${incidentPlan.deferred.length} more for later runs (at most ${cfg['max-new-per-run']} new per run)`);
  const waiting = Object.keys(incidentPlan.pending);
  if (waiting.length) lines.push(`  count ${waiting.length} failing finding${waiting.length === 1 ? '' : 's'} toward open-after ${cfg['open-after']}: ${waiting.join(', ')}`);
  const notices = planNotices({ environment: report.environment, applied: incidentPlan.actions.map((action) => ({ action })), findings: report.findings, channels: fullConfig.notifications });
  for (const n of notices) lines.push(`  would notify ${n.channel.name} (${n.channel.type}): ${headline(n.change)}`);
  return [head, ...(lines.length ? lines : ['  no incident to open']), ''].join('\n');
}

/** The folder that holds package.json and examples/, from the bundle or from the sources. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'examples', 'launchguard.yml'))) return dir;
    dir = dirname(dir);
  }
  throw new UserError('demo: cannot find examples/launchguard.yml beside the launchguard package');
}

function faultOf(v: string | undefined): Fault | undefined {
  if (v !== undefined && !(FAULTS as readonly string[]).includes(v)) {
    throw new UserError(`--fault: expected one of ${FAULTS.join(', ')}, found ${JSON.stringify(v)}`);
  }
  return v as Fault | undefined;
}

const DEMO_TOKEN = 'demo-monitoring-token';

/** Serves the demo target until SIGINT or SIGTERM; for workflows that run the action against it. */
async function serveDemo(args: readonly string[]): Promise<number> {
  const v = parse(args, { fault: { type: 'string' } });
  const target = await startDemoTarget({ fault: faultOf(v.fault), token: DEMO_TOKEN });
  console.log(target.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await target.close();
  return 0;
}

async function demo(args: readonly string[], redactor: Redactor): Promise<number> {
  const v = parse(args, { ...common, fault: { type: 'string' }, out: { type: 'string', default: '.' }, 'mongodb-uri': { type: 'string' } });
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  const fault = faultOf(v.fault);
  const token = DEMO_TOKEN;
  const target = await startDemoTarget({ fault, token });
  try {
    console.log(`demo target on ${target.url}${fault ? ` (fault: ${fault})` : ' (healthy)'}\n`);
    const out = resolve(v.out);
    const opts = parseOptions(
      (name) =>
        ({
          config: join(packageRoot(), 'examples', 'launchguard.yml'),
          'target-url': target.url,
          // The demo has no MongoDB of its own: the indexes check runs when a URI is given.
          checks: v.checks ?? (v['mongodb-uri'] ? 'health,metrics,load,indexes' : 'health,metrics,load'),
          'mongodb-uri': v['mongodb-uri'] ?? '',
          'fail-on': v['fail-on'] ?? '',
          'dry-run': String(v['dry-run']),
        })[name] ?? '',
      join(out, 'report.json'),
    );
    return await execute(opts, redactor, v.json, { ...process.env, MONITORING_TOKEN: token }, join(out, 'report.md'), out);
  } finally {
    await target.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
