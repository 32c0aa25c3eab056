import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/client.js';
import { parseOptions } from '../../src/options.js';
import { runPipeline } from '../../src/pipeline.js';
import { systemClock, type Clock } from '../../src/ports.js';
import { Redactor } from '../../src/report/redact.js';
import { httpServer, json, type Running } from '../helpers/servers.js';

// The instant that decides is the run's start, read once from the run's Clock: a clock set inside
// Europe/Berlin's Sunday 02:00 window on the spring DST change (02:00 does not exist that night:
// the window runs 03:00–04:00 CEST, 01:00–02:00Z) holds the failing probe; set an hour later, it does not.
const WINDOW = 'maintenance:\n  - { name: weekly-deploy, every: [sunday], start: "02:00", duration: 1h, timezone: Europe/Berlin }\n';

describe('the run\'s clock decides the window (in-process pipeline, real server)', () => {
  let target: Running;
  beforeAll(async () => {
    target = await httpServer((_q, res) => json(res, 503, { status: 'down' }));
  });
  afterAll(async () => {
    await target.close();
  });

  const runAt = async (iso: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'lg-maint-'));
    writeFileSync(join(dir, 'lg.yml'), `environments:\n  production:\n    health:\n      - { name: api, path: /health, retries: 0 }\n${WINDOW}`);
    const inputs: Record<string, string> = { config: join(dir, 'lg.yml'), 'target-url': target.url, 'fail-on': 'sev2' };
    const clock: Clock = { ...systemClock, now: () => new Date(iso) };
    return (await runPipeline(parseOptions((n) => inputs[n] ?? '', join(dir, 'report.json')), { clock, createHttp: (tls) => createHttpClient(clock, tls), env: {}, redactor: new Redactor() })).report;
  };

  it.each([
    ['01:30Z (03:30 CEST): in the window', '2026-03-29T01:30:00Z', true],
    ['02:30Z (04:30 CEST): after it', '2026-03-29T02:30:00Z', false],
    ['00:30Z (01:30 CET): before it', '2026-03-29T00:30:00Z', false],
  ] as const)('%s', async (_name, iso, held) => {
    const report = await runAt(iso);
    expect(report.startedAt).toBe(new Date(iso).toISOString());
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.suppressed).toEqual(held ? { kind: 'maintenance', window: 'weekly-deploy', until: '2026-03-29T02:00:00.000Z' } : undefined);
    expect(report.suppression?.maintenance).toEqual(held ? [{ name: 'weekly-deploy', start: '2026-03-29T01:00:00.000Z', end: '2026-03-29T02:00:00.000Z', timezone: 'Europe/Berlin' }] : []);
    expect(report.verdict.status).toBe(held ? 'pass' : 'fail');
  });
});
