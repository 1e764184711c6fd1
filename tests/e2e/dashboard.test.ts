// The HTML report in a real browser: examples/contoso opened from file:// (no error, no request,
// every wave, outcome and priority, the filters, a workload selected), the hostile-names backlog
// (no script of its runs), the bench's XS estate (the table in pages), a screenshot of each page
// (its first screen) and the whole page printed on A4, kept in a folder the test names for a
// person to look at.
// One browser for all of them: starting Chromium costs more than any test here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript module of the benchmark, without types.
import { generateEstate } from '../../bench/generate-estate.mjs';
import { chromiumMissing, launchChromium, openReport, type OpenedPage } from '../helpers/chromium.js';
import { runCli } from '../helpers/run-cli.js';
import { keptFolder } from '../helpers/run-temp-dir.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');
const contoso = join(repo, 'examples', 'contoso');
const hostile = join(repo, 'tests', 'fixtures', 'hostile-names');
const SECTIONS = ['outcomes', 'waves', 'priorities', 'backlog', 'dependencies', 'attention', 'findings'];

async function reportOf(root: string): Promise<string> {
  const file = join(tempDir(), 'report.html');
  const result = await runCli(['report', '-f', 'html', '-o', file, '--root', root, '--as-of', '2026-12-05'], { cwd: repo });
  expect(result.code, result.stderr).toBe(0);
  return file;
}

/** What `backlog list` says, as the rows the page should show. */
async function listed(...args: string[]): Promise<Array<Record<string, string>>> {
  return JSON.parse((await runCli(['list', ...args, '--root', contoso, '-f', 'json'], { cwd: repo })).stdout).items;
}

/**
 * Back to the table as the page opens, in one round trip to the browser: each filter emptied with
 * the event a person's edit sends, then the sort by priority order, ascending.
 */
const RESET_TABLE = `
  for (const id of ['filter-text', 'filter-status', 'filter-wave', 'filter-strategy']) {
    const input = document.getElementById(id);
    input.value = '';
    input.dispatchEvent(new Event(input.tagName === 'INPUT' ? 'input' : 'change', { bubbles: true }));
  }
  const order = document.querySelector('th[data-column="order"]');
  order.querySelector('button').click();
  if (order.getAttribute('aria-sort') !== 'ascending') order.querySelector('button').click();
`;

const tableIds = (page: Page) => page.locator('#backlog-table tbody th button').allTextContents();

describe.skipIf(chromiumMissing)(`the HTML report in Chromium${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: BrowserContext;
  // Kept after the run, for a person to look at.
  const shots = keptFolder('backlog-dashboard-screenshots-');
  beforeAll(async () => {
    browser = await launchChromium();
  }, 20_000);
  afterAll(async () => {
    await browser?.close();
  });

  describe('examples/contoso', async () => {
    const file = await reportOf(contoso);
    // One page for these tests, its filters cleared before each: what is tested is what the
    // page does after whatever came before, and opening it once keeps the file quick.
    let opened: OpenedPage;
    beforeAll(async () => {
      opened = await openReport(browser, file);
    }, 20_000);
    beforeEach(async () => {
      await opened.page.evaluate(RESET_TABLE);
    });

    it('opens from file:// with no error and no request, and shows every wave, outcome and priority', async () => {
      const { page, requests, errors } = opened;
      expect(errors).toEqual([]);
      expect(requests).toEqual([`file://${file}`]);
      const text = async (id: string) => (await page.locator(`#${id}`).textContent())!;
      for (const wave of await listed('waves')) expect(await text('waves')).toContain(wave.id);
      for (const outcome of await listed('outcomes')) expect(await text('outcomes')).toContain(outcome.title);
      for (const priority of await listed('priorities')) expect(await text('priorities')).toContain(priority.title);
      expect(await page.locator('header').textContent()).toContain('valid: no findings');
      // The risk grid: likelihood down, impact across, each cell's risks as text.
      const grid = await page.locator('table.risk-grid tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent!.trim())));
      expect(grid).toEqual([
        ['high', '—', 'RISK-02', '—'],
        ['medium', 'RISK-01', 'RISK-03', '—'],
        ['low', 'RISK-04', '—', '—'],
      ]);

      // A picture of the first screen: the whole page (some 10,000 pixels high) is printed to
      // contoso.pdf below, and picturing it all took most of this file's time.
      await page.screenshot({ path: join(shots, 'contoso.png') });
      expect(readFileSync(join(shots, 'contoso.png')).subarray(1, 4).toString()).toBe('PNG');
      for (const section of SECTIONS) expect(await page.locator(`#${section}`).isVisible(), section).toBe(true);
      // oxlint-disable-next-line no-console -- where a person finds the pictures
      console.log(`screenshots of the HTML report: ${shots}`);
    });

    it('lists every workload in priority order, and the filters narrow it to the rows list finds', async () => {
      const { page } = opened;
      expect(await tableIds(page)).toEqual((await listed('--priority')).map((w) => w.id));
      expect(await page.locator('#backlog-count').textContent()).toBe('Rows 1–34 of 34 workloads.');

      await page.selectOption('#filter-status', 'migrated');
      expect(await tableIds(page)).toEqual((await listed('--priority', '--status', 'migrated')).map((w) => w.id));
      await page.selectOption('#filter-status', '');
      await page.selectOption('#filter-wave', 'wave-3');
      expect(await tableIds(page)).toEqual((await listed('--priority', '--wave', 'wave-3')).map((w) => w.id));
      await page.selectOption('#filter-strategy', 'replace');
      expect(await tableIds(page)).toEqual((await listed('--priority', '--wave', 'wave-3', '--strategy', 'replace')).map((w) => w.id));
      await page.selectOption('#filter-wave', '');
      await page.selectOption('#filter-strategy', '');
      // The text filter reads ids, names and owners.
      await page.fill('#filter-text', 'helen park');
      expect(await tableIds(page)).toEqual((await listed('--priority', '--owner', 'Helen Park')).map((w) => w.id));
      expect(await page.locator('#backlog-count').textContent()).toBe('Rows 1–4 of 4 workloads matching (of 34).');
      await page.fill('#filter-text', 'no such workload');
      expect(await page.locator('#backlog-count').textContent()).toBe('No workload matches (of 34).');
    });

    it('sorts by a column, and back to priority order', async () => {
      const { page } = opened;
      await page.click('th[data-column="status"] button');
      expect(await page.getAttribute('th[data-column="status"]', 'aria-sort')).toBe('ascending');
      const statuses = await page.locator('#backlog-table tbody td:nth-child(4)').allTextContents();
      expect(statuses[0]).toBe('identified');
      expect(statuses.at(-1)).toBe('retained');
      await page.click('th[data-column="status"] button');
      expect(await page.getAttribute('th[data-column="status"]', 'aria-sort')).toBe('descending');
      await page.click('th[data-column="order"] button');
      expect(await tableIds(page)).toEqual((await listed('--priority')).map((w) => w.id));
    });

    it('shows the servers, dependencies both ways, risks and remediations of the workload selected', async () => {
      const { page } = opened;
      await page.click('#backlog-table button:text-is("payroll")');
      const detail = page.locator('#workload-detail');
      expect(await detail.locator('h3').textContent()).toBe('payroll: Payroll');
      const shown = JSON.parse((await runCli(['show', 'payroll', '--root', contoso, '-f', 'json'], { cwd: repo })).stdout).sections;
      const column = (caption: string) => detail.locator(`table:has(caption:text-is("${caption}")) tbody th`).allTextContents();
      expect(await column('The servers of payroll')).toEqual(shown.servers.map((s: { id: string }) => s.id));
      expect(await column('The workloads payroll depends on')).toEqual(expect.arrayContaining(shown.dependsOn.map((w: { id: string }) => w.id)));
      expect(await column('The workloads that depend on payroll')).toEqual(expect.arrayContaining(shown.dependents.map((w: { id: string }) => w.id)));
      expect(await column('The remediations of payroll')).toEqual(shown.openRemediations.map((r: { id: string }) => r.id));
      expect(await column('The risks of payroll')).toEqual(shown.risks.map((r: { id: string }) => r.id));
      await detail.screenshot({ path: join(shots, 'contoso-selected-payroll.png') });
    });

    it('prints on A4 without the controls, every details element open', async () => {
      const { page, errors, requests } = opened;
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.sections').isVisible()).toBe(false);
      expect(await page.locator('form.filters').isVisible()).toBe(false);
      const details = await page.locator('details').count();
      expect(details).toBeGreaterThan(0);
      await page.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event('beforeprint')));
      expect(await page.locator('details[open]').count()).toBe(details);
      await page.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event('afterprint')));
      expect(await page.locator('details[open]').count()).toBe(0);
      const pdf = await page.pdf({ path: join(shots, 'contoso.pdf'), format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });
      // Nothing the tests did made an error or a request.
      expect([errors, requests]).toEqual([[], [`file://${file}`]]);
    });
  });

  describe('the hostile-names backlog', async () => {
    const file = await reportOf(hostile);

    it('shows every payload as text and runs none of it', async () => {
      const { page, errors, requests } = await openReport(browser, file);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.click('#backlog-table button:text-is("hostile")');
      await page.click('#backlog-table button:text-is("other")');
      await page.fill('#filter-text', '<img');
      expect(await tableIds(page)).toEqual(['hostile']);
      await page.locator('#workload-detail').hover();
      expect(await page.evaluate(() => (globalThis as { pwned?: unknown }).pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([`file://${file}`]);
      expect(await page.locator('h1').textContent()).toBe("<script>window.pwned = 'project name'</script>");
      expect(await page.locator('#workload-detail h3').textContent()).toBe("other: </script><script>window.pwned = 'script in JSON'</script>");
      expect(await page.locator('#backlog-table tbody th .sub').textContent()).toBe(`<img src=x onerror="window.pwned = 'workload name'">`);
      await page.screenshot({ path: join(shots, 'hostile-names.png') });
      await page.close();
    });
  });

  // The XS estate: 100 workloads, of which the page draws only the rows shown. How fast it
  // answers at L is the bench's business (bench/html-interactive.mjs), not a test's.
  describe("the bench's XS estate", () => {
    it('draws one page of rows at a time, and pages through what the filters keep', async () => {
      const estate = tempDir();
      generateEstate('XS', estate);
      const file = await reportOf(estate);
      const ids = async (...args: string[]) => (await runCli(['list', '--priority', ...args, '-f', 'ids', '--root', estate], { cwd: repo })).stdout.trim().split('\n');
      const ordered = await ids();

      const { page, errors } = await openReport(browser, file);
      const count = () => page.locator('#backlog-count').textContent();
      const label = () => page.locator('#page-label').textContent();
      expect(await tableIds(page)).toEqual(ordered.slice(0, 50));
      expect([await count(), await label()]).toEqual(['Rows 1–50 of 100 workloads.', 'Page 1 of 2']);
      expect(await page.isDisabled('#page-previous')).toBe(true);

      await page.click('#page-next');
      expect(await tableIds(page)).toEqual(ordered.slice(50, 100));
      expect([await count(), await page.isDisabled('#page-next')]).toEqual(['Rows 51–100 of 100 workloads.', true]);
      await page.selectOption('#page-size', '250');
      expect(await tableIds(page)).toEqual(ordered);
      expect(await page.isDisabled('#page-next')).toBe(true);

      // At 25 rows, a page between two others; a filter goes back to the first page.
      await page.selectOption('#page-size', '25');
      await page.click('#page-next');
      expect(await tableIds(page)).toEqual(ordered.slice(25, 50));
      expect([await count(), await label(), await page.isDisabled('#page-previous'), await page.isDisabled('#page-next')]).toEqual(['Rows 26–50 of 100 workloads.', 'Page 2 of 4', false, false]);
      // 49 rehosted: two pages of 25.
      await page.selectOption('#filter-strategy', 'rehost');
      const rehosted = await ids('--strategy', 'rehost');
      expect([await count(), await label()]).toEqual([`Rows 1–25 of ${rehosted.length} workloads matching (of 100).`, 'Page 1 of 2']);
      await page.click('#page-next');
      expect(await tableIds(page)).toEqual(rehosted.slice(25));
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
