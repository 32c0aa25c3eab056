/**
 * bench/page: the status page of 90 days × 5 probes (the 90-day test fixture) opened in headless
 * Debian chromium: time to the second animation frame after load (laid out and painted), median of ROUNDS
 * fresh pages, against a reference taken in the same run (an empty page of the same browser).
 * Reported as the absolute figure, whose budget is 1 s, and as a ratio to the reference
 * (a shared, noisy machine cancels out). Also the model + HTML build time in Node, and the size
 * (budget 300 kB). Run: npm run bench:page
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPageModel } from '../src/page/model.js';
import { renderPageHtml } from '../src/page/html.js';
import { launchChromium } from '../test/helpers/browser.js';
import { FIXTURE_NOW, ninetyDayHistory } from '../test/helpers/history-fixture.js';
import { fmt, median } from './lib.js';

const ROUNDS = Number(process.env.ROUNDS ?? 9);
const BUDGET_MS = 1000;
const dir = mkdtempSync(join(tmpdir(), 'lg-bench-page-'));
const records = ninetyDayHistory();

const builds: number[] = [];
let html = '';
for (let i = 0; i < ROUNDS; i++) {
  const t0 = performance.now();
  html = renderPageHtml(buildPageModel([{ name: 'production', records, slo: { availability: 99.9, window: 30 * 86_400_000 } }], [], FIXTURE_NOW), { incidentsKnown: true });
  builds.push(performance.now() - t0);
}
const page = join(dir, 'index.html');
writeFileSync(page, html);
const blank = join(dir, 'blank.html');
writeFileSync(blank, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body><p>x</p></body></html>');

const b = await launchChromium();
async function timing(file: string): Promise<{ load: number }> {
  const p = await b.context.newPage();
  await p.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 30_000 });
  // Layout and paint done: two animation frames after the load event.
  // A string: this project type-checks without the DOM's types.
  const t = (await p.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done({ load: performance.now() }))))')) as { load: number };
  await p.close();
  return t;
}
const loads: number[] = [];
const refs: number[] = [];
try {
  for (let i = 0; i < ROUNDS; i++) {
    const order = i % 2 === 0 ? [page, blank] : [blank, page];
    for (const f of order) {
      const t = await timing(f);
      if (f === page) {
        loads.push(t.load);
      } else refs.push(t.load);
    }
  }
} finally {
  await b.close();
}
const load = median(loads);
console.log(`page: ${fmt(Buffer.byteLength(html) / 1024)} kB (budget 300 kB), model + HTML in Node ${fmt(median(builds))} ms`);
console.log(`chromium: rendered ${fmt(load)} ms (budget ${BUDGET_MS} ms: ${load < BUDGET_MS ? 'within' : 'OVER'}); empty page ${fmt(median(refs))} ms → ratio ${fmt(load / median(refs), 2)}`);
