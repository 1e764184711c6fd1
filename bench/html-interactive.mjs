// How soon the HTML report answers in headless Chromium: from the start of navigation until
// its script has drawn the table, plus the time a filter takes to redraw it (to the next
// frame). Run by run.mjs (case report-html-interactive) on the page it built:
//
//   node bench/html-interactive.mjs PAGE.html
//
// Writes its seconds to $BENCH_SECONDS_FILE (what run.mjs counts, not the browser's start-up)
// and prints the parts.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

/* global document, Event, requestAnimationFrame -- in the functions page.evaluate runs in the page */

const CHROMIUM = '/usr/bin/chromium';
const page = resolve(process.argv[2] ?? '');
if (!existsSync(page)) throw new Error(`no page at ${page}: give the HTML report to open`);
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium`);

const profile = mkdtempSync(join(tmpdir(), 'backlog-bench-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await browser.newPage();
  await tab.goto(`file://${page}`, { waitUntil: 'commit' });
  await tab.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  const ready = await tab.evaluate(() => performance.now());
  const filter = await tab.evaluate(async () => {
    const started = performance.now();
    const select = document.getElementById('filter-wave');
    select.value = select.options[select.options.length - 1].value;
    select.dispatchEvent(new Event('change'));
    await new Promise((done) => requestAnimationFrame(() => done()));
    return performance.now() - started;
  });
  const seconds = (ready + filter) / 1000;
  console.log(`interactive after ${(ready / 1000).toFixed(3)} s, a filter answered in ${(filter / 1000).toFixed(3)} s: ${seconds.toFixed(3)} s`);
  if (process.env.BENCH_SECONDS_FILE) writeFileSync(process.env.BENCH_SECONDS_FILE, String(seconds));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
