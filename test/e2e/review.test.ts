import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthOf } from '../../src/history/files.js';
import { recordLine, RUN_SCHEMA } from '../../src/history/record.js';
import { reviewWeek } from '../../src/review/model.js';
import { IncidentWorld } from '../helpers/incident-world.js';

const H = 3_600_000;

// The built dist/index.js in mode review against the fake GitHub: last week's records on the data
// branch and an incident issue of last week; the week's issue is created once and updated on a re-run.
describe('mode: review from dist/', () => {
  let w: IncidentWorld;
  beforeEach(async () => {
    w = await new IncidentWorld().start();
  });
  afterEach(async () => {
    expect(w.gh.violations).toEqual([]);
    await w.stop();
  });

  it('creates "launchguard weekly review <ISO week>" once, updates it on a re-run, and writes the summary and report.md', async () => {
    const week = reviewWeek(Date.now());
    // Hourly runs over last week and the week before; `api` down for 3 h on last week's Tuesday.
    const byMonth = new Map<string, string>();
    for (let t = week.from - 7 * 24 * H; t < week.to; t += H) {
      const down = t >= week.from + 24 * H + 10 * H && t < week.from + 24 * H + 13 * H;
      const line = recordLine({ schema: RUN_SCHEMA, t: new Date(t).toISOString(), ev: 'schedule', i: H, p: { api: down ? [0, 40, 'status'] : [1, t >= week.from ? 20 : 10] }, m: { 'payment-success-rate': t % (2 * H) === 0 ? 99 : 97 }, ...(down ? { f: ['health:api'] } : {}) });
      byMonth.set(monthOf(t), (byMonth.get(monthOf(t)) ?? '') + line);
    }
    for (const [m, text] of byMonth) w.gh.writeFile('launchguard-data', `launchguard/history/production/${m}.jsonl`, text);
    const opened = new Date(week.from + 24 * H + 10 * H).toISOString();
    w.gh.addIssue({ title: '[SEV1] production: health probe api failing', body: '<!-- launchguard:fingerprint=production:health:api -->', labels: ['launchguard', 'sev1'], state: 'closed', created_at: opened, closed_at: new Date(week.from + 24 * H + 13 * H).toISOString() });
    const config = `${w.config()}    slo: { availability: 99.9%, window: 7d }\n`;

    const first = await w.run({ config, inputs: { mode: 'review' } });
    expect(first.code).toBe(0);
    const title = `launchguard weekly review ${week.label}`;
    const reviews = () => w.gh.issues.filter((i) => i.title === title);
    expect(reviews()).toHaveLength(1);
    const body = reviews()[0]!.body;
    expect(reviews()[0]!.labels).toEqual(['launchguard-review']);
    // 168 h observed, 3 down: 98.21 %; the week before 100 %.
    expect(body).toContain('- **Uptime** 98.21 % (the week before: 100.00 %): 6 d 21 h up, 3 h 0 min down, 0 s unobserved, 168 runs.');
    expect(body).toMatch(/- \*\*Error budget\*\* at the week's end: -1685\.\d\d % left of 0\.1 % over 7 d \(objective 99\.90 %, availability 98\.21 %\)\./);
    expect(body).toContain('| probe api | 20 ms (+100 % vs 10 ms) |');
    expect(body).toContain('| payment-success-rate | 97 | 98 | 99 | 168 |');
    expect(body).toContain('1. health:api: 3 h 0 min');
    expect(body).toContain('1 opened, 1 closed.');
    expect(body).toMatch(/\| SEV1 \| \[production: health probe api failing\]\(https:\/\/github\.com\/acme\/api\/issues\/1\) \| .* \| 3 h 0 min \| 1 h 0 min ❌ missed \|/);
    expect(body).toContain('- **Schedule coverage** 100.00 % of the week observed, a run every 1 h 0 min (median).');
    expect(body).toContain('```mermaid\nxychart-beta\n  title "Availability per day (%)"');
    expect(first.summary).toContain(body.trim().split('\n')[0]!);
    expect(first.summary).toContain(`review: opened issue #${reviews()[0]!.number} "${title}"`);
    expect(readFileSync(join(first.workspace, 'report.md'), 'utf8')).toBe(body);

    // A re-run: the same issue, updated; no second one.
    reviews()[0]!.body = 'edited';
    const again = await w.run({ config, inputs: { mode: 'review' } });
    expect(again.code).toBe(0);
    expect(reviews()).toHaveLength(1);
    expect(reviews()[0]!.body).toBe(body);
    expect(again.summary).toContain(`review: updated issue #${reviews()[0]!.number}`);
  });

  it('a token that cannot write issues (permissions: issues: read): the review still reaches the summary and report.md, with one sentence, no stack trace', async () => {
    w.gh.faults.push({ match: 'POST /repos/acme/api/issues', status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue', status: '403' } });
    const r = await w.run({ inputs: { mode: 'review' } });
    const title = `launchguard weekly review ${reviewWeek(Date.now()).label}`;
    expect(w.gh.issues.filter((i) => i.title === title)).toHaveLength(0);
    expect(r.summary).toContain(`# ${title}`);
    expect(r.summary).toContain(`review: the issue "${title}" was not written (`);
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(r.workspace, 'report.md'), 'utf8')).toContain(`# ${title}`);
    expect(r.code).not.toBe(0);
  });
});
