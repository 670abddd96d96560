// The analyst's journey in a real headless Chromium, against a real `blma serve`:
// log in, upload a development agreement, read its report, follow a quote to its highlighted
// span, override a verdict, export the report; keyboard access and a screenshot that is checked.
//
//   BLMA_BIN=target/debug/blma node --test e2e/    (or: cargo test -p blma --test e2e_browser)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchChromium } from './lib/browser.mjs';
import { colourStats, decodePng } from './lib/png.mjs';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer } from './lib/server.mjs';

const AGREEMENT = fileURLToPath(new URL('../fixtures/eval-dev/fr-nl-labour-treaty-1948.txt', import.meta.url));
const RUBRIC_ITEMS = 38;
const CONTRADICTS_RED = '#cf222e';
const PROVIDES_GREEN = '#1a7f37';
const VIEWPORT = { width: 1280, height: 900 };

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page, password = ADMIN_PASSWORD) {
  await page.fill('#email', ADMIN_EMAIL);
  await page.fill('#password', password);
  await page.click('form[action="/login"] button[type=submit]');
}

/** Where `selector` is relative to the viewport, for "is it on screen" checks. */
function box(page, selector) {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, width: r.width, height: r.height, viewport: window.innerHeight };
  });
}

describe('blma in a browser', () => {
  test('an analyst uploads, reads, follows a quote, overrides a verdict and exports', { timeout: 300_000 }, async (t) => {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const page = await context.newPage();
    try {
      // Log in through the form.
      await page.goto(`${server.url}/login`);
      await logIn(page);
      await page.waitForURL(`${server.url}/`);
      assert.match(await page.textContent('header.site .account'), /e2e-admin/);

      // Upload a real agreement.
      await page.click('header.site nav a[href="/upload"]');
      await page.waitForURL(/\/upload$/);
      await page.setInputFiles('#file', AGREEMENT);
      await Promise.all([
        page.waitForURL(/\/agreements\/\d+\?uploaded=1$/),
        page.click('form[action="/upload"] button[type=submit]'),
      ]);
      const reportUrl = page.url().replace(/\?.*$/, '');
      assert.equal(await page.locator('#upload-error').count(), 0);
      assert.match(await page.textContent('[role=status]'), /read and assessed/);

      // The report: red flags first, every rubric item once, the coverage chart drawn.
      const sections = await page.$$eval('main > section', (s) => s.map((e) => e.id));
      assert.equal(sections[0], 'red-flags', `red flags first: ${sections}`);
      for (const id of ['coverage', 'provided', 'gaps']) assert.ok(sections.includes(id), `#${id} in ${sections}`);
      assert.equal(await page.locator('article.finding').count(), RUBRIC_ITEMS);
      const redFlags = await page.locator('#red-flags article.finding').count();
      const provided = await page.locator('#provided article.finding').count();
      assert.ok(provided > 0, 'the treaty provides some items');
      const chart = page.locator('#coverage svg');
      assert.ok(await chart.isVisible(), 'coverage chart visible');
      const chartBox = await chart.boundingBox();
      assert.ok(chartBox.width > 200 && chartBox.height > 50, `chart is drawn: ${JSON.stringify(chartBox)}`);

      // A quote's provision link opens the full text scrolled to its highlighted span.
      const quote = page.locator('#provided blockquote footer a').first();
      const href = await quote.getAttribute('href');
      const anchor = href.split('#')[1];
      assert.match(anchor, /^ev-/);
      await Promise.all([page.waitForURL(/\/text#ev-/), quote.click()]);
      await page.waitForLoadState('load');
      const fragment = new URL(page.url()).hash.slice(1);
      assert.equal(fragment, anchor);
      const mark = `mark[id="${fragment}"]`;
      assert.equal(await page.locator(mark).count(), 1);
      assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), fragment);
      const markBox = await box(page, mark);
      assert.ok(markBox.height > 0, 'the mark has a size');
      assert.ok(markBox.top >= -1 && markBox.top < markBox.viewport, `the mark is scrolled into view: ${JSON.stringify(markBox)}`);
      assert.ok(markBox.bottom > 0);
      if ((await page.evaluate(() => document.documentElement.scrollHeight)) > VIEWPORT.height * 2) {
        assert.ok((await page.evaluate(() => window.scrollY)) > 0 || markBox.top < VIEWPORT.height);
      }
      await page.goBack();
      await page.waitForURL(/\/agreements\/\d+\?uploaded=1$/);

      // Override the first provided item's verdict with a note.
      const item = (await page.locator('#provided article.finding').first().getAttribute('id')).replace(/^item-/, '');
      const note = 'The article <b>only</b> refers to national law (e2e).';
      const article = `#item-${item}`;
      await page.selectOption(`${article} form.review select[name=verdict]`, 'silent');
      await page.fill(`${article} form.review input[name=note]`, note);
      await Promise.all([
        page.waitForURL(new RegExp(`\\?reviewed=${item}`)),
        page.click(`${article} form.review button[type=submit]`),
      ]);
      assert.match(await page.textContent('[role=status]'), new RegExp(item));
      assert.equal(await page.getAttribute(`${article} [data-reviewed]`, 'data-reviewed'), 'silent');
      assert.equal(await page.locator(`#gaps ${article}`).count(), 1, 'the item moved to the gaps');
      assert.equal(await page.textContent(`${article} p.note`).then((s) => s.includes(note)), true, 'the note, as text');
      assert.equal(await page.locator(`${article} p.note b`).count(), 0, 'the note is escaped');
      await page.click(`${article} details summary`);
      const history = page.locator(`${article} details li`);
      assert.equal(await history.count(), 1);
      assert.ok(await history.first().isVisible());
      assert.match(await history.first().textContent(), /^silent/);

      // Export: the JSON download carries the decision.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('a[href$="/export/json"]'),
      ]);
      assert.match(download.suggestedFilename(), /^blma-assessment-\d+\.json$/);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(exported.assessment.findings.length, RUBRIC_ITEMS);
      assert.equal(exported.decisions.length, 1);
      assert.equal(exported.decisions[0].item, item);
      assert.equal(exported.decisions[0].verdict, 'silent');
      assert.equal(exported.decisions[0].note, note);
      assert.equal(exported.reviewed.findings.find((f) => f.item === item).verdict, 'silent');
      // The PDF, with the browser's session.
      const pdf = await context.request.get(`${reportUrl}/export/pdf`);
      assert.equal(pdf.status(), 200);
      assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');

      // Keyboard: from the top of the page, Tab reaches the skip link first, Enter follows it.
      await page.goto(reportUrl);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        skip: document.activeElement?.classList.contains('skip'),
        href: document.activeElement?.getAttribute('href'),
        visible: document.activeElement?.getBoundingClientRect().left >= 0,
      }));
      assert.deepEqual(focused, { skip: true, href: '#main', visible: true });
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

      // A full-page screenshot of the report, decoded and checked: not blank, in colour.
      const shots = process.env.BLMA_E2E_ARTIFACTS || mkdtempSync(join(tmpdir(), 'blma-e2e-shots-'));
      const shot = join(shots, 'report.png');
      await page.goto(reportUrl);
      await page.screenshot({ path: shot, fullPage: true });
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      const png = decodePng(readFileSync(shot));
      const stats = colourStats(png, [CONTRADICTS_RED, PROVIDES_GREEN]);
      const summary = `screenshot ${shot}: ${png.width}×${png.height} px, ${statSync(shot).size} bytes, `
        + `${stats.distinct} colours, ${(stats.nonWhiteShare * 100).toFixed(1)} % not white, `
        + `${stats.counts[CONTRADICTS_RED]} red and ${stats.counts[PROVIDES_GREEN]} green pixels`;
      t.diagnostic(summary);
      console.log(summary);
      assert.equal(png.width, VIEWPORT.width);
      assert.ok(Math.abs(png.height - pageHeight) <= 1, `height ${png.height} vs page ${pageHeight}`);
      assert.ok(png.height > 3 * VIEWPORT.height, 'a 38-item report is long');
      assert.ok(stats.distinct >= 50, 'text is antialiased: many colours');
      assert.ok(stats.nonWhiteShare > 0.02, 'the page is not blank');
      assert.ok(stats.counts[PROVIDES_GREEN] > 100, 'provided items are marked in green');
      if (redFlags > 0) assert.ok(stats.counts[CONTRADICTS_RED] > 100, 'red flags are marked in red');
    } finally {
      await context.close();
    }
  });

  test('an anonymous visitor is sent to the login page, and a wrong password says so', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/upload`);
      const url = new URL(page.url());
      assert.equal(url.pathname, '/login');
      assert.equal(url.searchParams.get('next'), '/upload');
      assert.equal(await page.locator('[role=alert]').count(), 0);

      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
        logIn(page, 'not the password at all'),
      ]);
      assert.equal(response.status(), 401);
      const alert = page.locator('p.alert[role=alert]');
      assert.ok(await alert.isVisible(), 'the failure is announced');
      assert.equal(await page.inputValue('#email'), ADMIN_EMAIL, 'the address is kept');
      assert.equal(await page.inputValue('#password'), '', 'the password is not');

      // The right password from the same form goes where the visitor wanted to go.
      await logIn(page);
      await page.waitForURL(`${server.url}/upload`);
      assert.equal(await page.locator('#file').count(), 1);
    } finally {
      await context.close();
    }
  });
});
