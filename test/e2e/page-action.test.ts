import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentWorld } from '../helpers/incident-world.js';

// The built dist/index.js in mode page, after two scheduled monitor runs (one up, one down: an
// incident issue), against the fake GitHub: the page reads the data branch and the issues.
describe('mode: page from dist/', () => {
  let w: IncidentWorld;
  beforeEach(async () => {
    w = await new IncidentWorld().start();
  });
  afterEach(async () => {
    expect(w.gh.violations).toEqual([]);
    await w.stop();
  });

  it('leaves index.html and status.json in page-path, with the runs and the open incident; runs no check', async () => {
    await w.run();
    w.up = false;
    await w.run();
    expect(w.open()).toHaveLength(1);
    const r = await w.run({ inputs: { mode: 'page' } });
    expect(r.code).toBe(0);
    const dir = r.outputs['page-path']!;
    expect(dir).toBe(join(r.workspace, 'launchguard-page'));
    const status = JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8'));
    expect(status.environments).toHaveLength(1);
    expect(status.environments[0]).toMatchObject({ name: 'production', runs: 2, probes: [{ probe: 'api', state: 'down' }] });
    // One brief health failure: SEV2 (downtime over a minute would make it SEV1).
    expect(status.environments[0].incidents).toEqual([expect.objectContaining({ severity: 'sev2', open: true, url: `https://github.com/acme/api/issues/${w.open()[0]!.number}` })]);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<h3>Incidents</h3>');
    expect(html).toContain(`href="https://github.com/acme/api/issues/${w.open()[0]!.number}"`);
    expect(r.summary).toContain(`page: ${dir} (index.html`);
    // No check ran: no report, no new record on the data branch.
    expect(existsSync(join(r.workspace, 'launchguard-report.json'))).toBe(false);
    expect(r.outputs['worst-severity']).toBeUndefined();
    expect(w.gh.readFile('gh-pages', 'index.html')).toBeUndefined();
  });

  it('page-publish: branch writes both files to gh-pages, and a re-run updates them in place', async () => {
    await w.run();
    const first = await w.run({ inputs: { mode: 'page', 'page-publish': 'branch', 'page-title': 'Acme <status>' } });
    expect(first.code).toBe(0);
    expect(first.summary).toContain('page: published to branch gh-pages of acme/api');
    expect(w.gh.readFile('gh-pages', 'index.html')).toBe(readFileSync(join(first.outputs['page-path']!, 'index.html'), 'utf8'));
    expect(w.gh.readFile('gh-pages', 'index.html')).toContain('<title>Acme &lt;status&gt;</title>');
    const again = await w.run({ inputs: { mode: 'page', 'page-publish': 'branch' } });
    expect(again.code).toBe(0);
    expect(JSON.parse(w.gh.readFile('gh-pages', 'status.json')!).generatedAt).toBe(JSON.parse(readFileSync(join(again.outputs['page-path']!, 'status.json'), 'utf8')).generatedAt);
  });

  it('publishing to an existing gh-pages keeps its other files (CNAME, assets)', async () => {
    await w.run();
    w.gh.writeFile('gh-pages', 'CNAME', 'status.acme.dev\n');
    w.gh.writeFile('gh-pages', 'assets/logo.svg', '<svg/>');
    const r = await w.run({ inputs: { mode: 'page', 'page-publish': 'branch' } });
    expect(r.code).toBe(0);
    expect(w.gh.readFile('gh-pages', 'CNAME')).toBe('status.acme.dev\n');
    expect(w.gh.readFile('gh-pages', 'assets/logo.svg')).toBe('<svg/>');
    expect(w.gh.readFile('gh-pages', 'index.html')).toContain('<!doctype html>');
  });

  it('a token that cannot write contents (contents: read): the page is still in page-path and the summary, and the run says why in one sentence', async () => {
    await w.run();
    for (let k = 0; k < 3; k++) w.gh.faults.push({ match: 'PUT /repos/acme/api/contents/', status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/repos/contents', status: '403' } });
    for (let k = 0; k < 3; k++) w.gh.faults.push({ match: 'POST /repos/acme/api/git/', status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/git', status: '403' } });
    const r = await w.run({ inputs: { mode: 'page', 'page-publish': 'branch' } });
    expect(w.gh.readFile('gh-pages', 'index.html')).toBeUndefined();
    expect(existsSync(join(r.outputs['page-path']!, 'index.html'))).toBe(true);
    expect(r.summary).toContain('page: not published');
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });

  it('a page-dir outside the workspace is refused in one sentence, and nothing is written there', async () => {
    await w.run();
    const r = await w.run({ inputs: { mode: 'page', 'page-dir': '../outside-page' } });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('input page-dir: "../outside-page" is outside the workspace');
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(existsSync(join(r.workspace, '..', 'outside-page', 'index.html'))).toBe(false);
  });

  it('a bad page-publish is one sentence', async () => {
    const r = await w.run({ inputs: { mode: 'page', 'page-publish': 'ftp' } });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('input page-publish: expected one of folder, branch, found "ftp"');
  });
});
