import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { environmentFolder, monthOf, partName } from '../../src/history/files.js';
import { LocalRunStore } from '../../src/history/local-store.js';
import { recordLine } from '../../src/history/record.js';
import { generatePage, type PageOutput } from '../../src/page/generate.js';
import { formatPct } from '../../src/page/html.js';
import type { PageModel } from '../../src/page/model.js';
import { Redactor } from '../../src/report/redact.js';
import { chromiumAvailable, launchChromium, type TestBrowser } from '../helpers/browser.js';
import { FIXTURE_NOW, FIXTURE_PROBES, fixtureDay, ninetyDayHistory } from '../helpers/history-fixture.js';

/** Screenshots are kept here for people to look at (CI uploads the folder). */
const ARTIFACTS = resolve('test-artifacts');

/** The bar level the fixture implies for a probe's day, written from the fixture's definition. */
function expectedLevel(probe: string, i: number): string {
  if (i === 21) return 'none';
  if (probe === 'search' && i === 10) return 'bad';
  if (probe === 'login' && i === 40) return 'poor';
  return 'good';
}

const hasChromium = chromiumAvailable();

describe.skipIf(!hasChromium)('the status page in a real browser (Debian chromium)', () => {
  let b: TestBrowser;
  let out: PageOutput;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lg-page-'));
    const history = join(dir, 'history');
    const folder = environmentFolder(history, 'production');
    mkdirSync(folder, { recursive: true });
    // The CLI's folder, written as its store writes it (one file per month).
    const byMonth = new Map<string, string>();
    for (const r of ninetyDayHistory()) byMonth.set(monthOf(Date.parse(r.t)), (byMonth.get(monthOf(Date.parse(r.t))) ?? '') + recordLine(r));
    for (const [month, text] of byMonth) writeFileSync(join(folder, partName(month, 1)), text);
    const { config } = parseConfigText('environments:\n  production:\n    url: https://api.example.com\n    slo:\n      availability: 99.5%\n', 'launchguard.yml', {});
    out = await generatePage({ config, storeOf: () => new LocalRunStore(history), incidents: [{ environment: 'production', title: 'search failing <b>', severity: 'sev2', url: 'https://github.com/o/r/issues/7', openedAt: fixtureDay(10) + 'T00:00:00.000Z', closedAt: fixtureDay(11) + 'T00:00:00.000Z' }], now: FIXTURE_NOW, outDir: join(dir, 'site'), redactor: new Redactor() });
    b = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  });

  it('renders the 90-day fixture with no console error and no request leaving the file', async () => {
    const page = await b.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(out.html).href, { waitUntil: 'load', timeout: 20_000 });
    const model = JSON.parse(readFileSync(out.json, 'utf8')) as PageModel;
    const env = model.environments[0]!;

    for (const probe of FIXTURE_PROBES) {
      const card = page.locator(`section.subject[data-probe="${probe}"]`);
      await expect(card.locator('.probe-name').textContent()).resolves.toBe(probe);
      const p = env.probes.find((x) => x.probe === probe)!;
      for (const w of ['24h', '7d', '30d', '90d'] as const) await expect(card.locator(`dd[data-window="${w}"]`).textContent()).resolves.toBe(formatPct(p.windows[w]));
      const levels = await card.locator('ol.bars > li').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-day')} ${li.getAttribute('data-level')}`));
      expect(levels).toEqual(Array.from({ length: 90 }, (_, i) => `${fixtureDay(i)} ${expectedLevel(probe, i)}`));
    }
    // search over 90 d: runs from day 0 00:00 to now (89.5 days = 2148 h), 47.5 h unobserved (days 20 and 21), 24 h down.
    await expect(page.locator('section.subject[data-probe="search"] dd[data-window="90d"]').textContent()).resolves.toBe(formatPct((100 * (2148 - 47.5 - 24)) / (2148 - 47.5)));
    await expect(page.locator('dd[data-budget]').count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'search failing <b>' }).getAttribute('href')).resolves.toBe('https://github.com/o/r/issues/7');
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'status-page.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('is readable on a phone and in dark mode: nothing wider than the screen', async () => {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(pathToFileURL(out.html).href, { waitUntil: 'load', timeout: 20_000 });
    const { scroll, client, bg } = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, bg: getComputedStyle(document.body).backgroundColor })')) as { scroll: number; client: number; bg: string };
    expect(scroll).toBeLessThanOrEqual(client);
    expect(bg).toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: join(ARTIFACTS, 'status-page-phone-dark.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('the page of 90 days × 5 probes is under 300 kB', () => {
    expect(out.bytes).toBeLessThan(300 * 1024);
  });
});
