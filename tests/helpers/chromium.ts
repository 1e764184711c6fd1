// Headless Chromium from Debian (`apt-get install chromium`), driven by playwright-core: the
// browser the tests under tests/e2e/ open the HTML report in. Without it they are skipped.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export const chromiumMissing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found: apt-get install chromium`;

/**
 * One browser for a test file, with a fresh profile. Chromium's own connections (updates,
 * sync, QUIC probes) are turned off: a closed network refuses them, and a test counts requests.
 */
export function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backlog-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface OpenedPage {
  page: Page;
  /** Every request the page made, its own file first. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** A page of the report opened from its file, once its script has drawn the table. */
export async function openReport(browser: BrowserContext, file: string): Promise<OpenedPage> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // Nothing may leave: a request to any network fails here, and is counted above.
  await page.route(/^https?:/, (route) => route.abort());
  await page.goto(`file://${file}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 });
  return { page, requests, errors };
}
