// The HTML report's table in pages, in a real browser: the bench's S estate (200 workloads), of
// which the page draws only the rows shown. How fast it answers at L is the bench's business
// (bench/html-interactive.mjs), not a test's.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, openReport } from '../helpers/chromium.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');

describe.skipIf(chromiumMissing)(`the HTML report's table in pages${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 20_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws one page of rows at a time, and pages through what the filters keep', async () => {
    const estate = tempDir();
    execFileSync(process.execPath, [join(repo, 'bench', 'generate-estate.mjs'), '--scale', 'S', '--out', estate]);
    const file = join(tempDir(), 'report.html');
    expect((await runCli(['report', '-f', 'html', '-o', file, '--root', estate], { cwd: repo })).code).toBe(0);
    const ordered: string[] = (await runCli(['list', '--priority', '-f', 'ids', '--root', estate], { cwd: repo })).stdout.trim().split('\n');

    const { page, errors } = await openReport(browser, file);
    const rows = () => page.locator('#backlog-table tbody th button').allTextContents();
    const count = () => page.locator('#backlog-count').textContent();
    expect(await rows()).toEqual(ordered.slice(0, 50));
    expect([await count(), await page.locator('#page-label').textContent()]).toEqual(['Rows 1–50 of 200 workloads.', 'Page 1 of 4']);
    expect(await page.isDisabled('#page-previous')).toBe(true);

    await page.click('#page-next');
    expect(await rows()).toEqual(ordered.slice(50, 100));
    expect(await count()).toBe('Rows 51–100 of 200 workloads.');
    await page.selectOption('#page-size', '250');
    expect(await rows()).toEqual(ordered);
    expect(await page.isDisabled('#page-next')).toBe(true);

    await page.selectOption('#page-size', '25');
    await page.selectOption('#filter-wave', 'wave-2');
    const inWave: string[] = (await runCli(['list', '--priority', '--wave', 'wave-2', '-f', 'ids', '--root', estate], { cwd: repo })).stdout.trim().split('\n');
    expect([await count(), await page.locator('#page-label').textContent()]).toEqual(['Rows 1–25 of 50 workloads matching (of 200).', 'Page 1 of 2']);
    await page.click('#page-next');
    expect(await rows()).toEqual(inWave.slice(25));
    expect(errors).toEqual([]);
    await page.close();
  });
});
