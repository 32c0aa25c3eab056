import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/**
 * Debian's chromium driven by playwright-core (no browser download). Missing, it skips with a
 * notice on a developer's machine and fails under CI=true, where .ci/run installs it.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const why = `the browser tests need Debian's chromium at ${CHROMIUM} (apt-get install chromium), or CHROMIUM_PATH`;
  if (process.env.CI === 'true') throw new Error(`CI: ${why}`);
  console.warn(`notice: skipping the browser tests: ${why}`);
  return false;
}

export interface TestBrowser {
  /** A persistent context on the fresh profile (playwright passes it as --user-data-dir). */
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Launches chromium headless with a fresh profile, offline-minded flags; close() ends it and removes the profile. */
export async function launchChromium(): Promise<TestBrowser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'lg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1024, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
