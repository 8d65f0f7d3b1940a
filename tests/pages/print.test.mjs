// Print (issue 15): Print on any tool prints that tool, and the application summary
// (申请自查单) prints on one A4 page with the policy id, its fingerprint and the date, in the
// chosen language. Checked with print media emulation and Chromium's own PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './harness.mjs';
import { openTool, toolIds } from './fixtures.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

/** What prints, as the print stylesheet lays the page out. */
function printed(tool) {
  const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const panels = [...document.querySelectorAll('.panel')].filter(visible).map((p) => p.dataset.panel);
  const controls = [...document.querySelectorAll('.tabs-nav, .bar-policy, .data-bar, button:not(.clause), input[type=file]')].filter(visible)
    .map((el) => el.className || el.textContent.trim());
  const inputs = [...document.querySelectorAll(`.panel[data-panel="${tool}"] input[type=text]`)].filter(visible);
  const boxed = inputs.filter((el) => parseFloat(getComputedStyle(el).borderTopWidth) > 0).length;
  return { panels, controls, inputs: inputs.length, boxed, ref: visible(document.querySelector('.policy-ref')) ? document.querySelector('.policy-ref').textContent : '', title: document.querySelector('h1').textContent };
}

test('Print on any tool prints that tool, without the controls', async () => {
  for (const lang of ['zh-CN', 'en']) {
    for (const tool of toolIds) {
      const { page, context, problems } = await openTool(browser, server.url, tool, lang);
      // The button prints (window.print), and what prints is the tool on screen.
      await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed++; }; });
      await page.locator('.data-bar button.print').click();
      assert.equal(await page.evaluate(() => window.printed), 1);
      const onScreen = await page.evaluate(printed, tool);
      // The tools people type into (deadlines takes dates, cohort a file, summary nothing).
      if (!['deadlines', 'cohort', 'summary'].includes(tool)) assert.ok(onScreen.inputs > 0, `${tool}: text inputs to print`);
      await page.emulateMedia({ media: 'print' });
      const p = await page.evaluate(printed, tool);
      assert.deepEqual(p.panels, [tool], `${tool} (${lang}) prints ${p.panels}`);
      assert.deepEqual(p.controls, [], `${tool} (${lang}): controls on paper`);
      assert.equal(p.inputs, onScreen.inputs, `${tool} (${lang}): what was typed is on paper`);
      assert.equal(p.boxed, 0, `${tool} (${lang}): inputs print as text`);
      assert.match(p.ref, /(xinyu-2022|gdut-lixing-2026)(，|, )(规则指纹|fingerprint) [0-9a-f]{8}/, `${tool} (${lang})`);
      assert.equal(p.title, lang === 'en' ? 'Exchange calculator' : '交换生计算器');
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

for (const lang of ['zh-CN', 'en']) {
  test(`the application summary prints on one A4 page, with the policy, its fingerprint and the date (${lang})`, async () => {
    const day = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };
    const opened = day();
    const { page, context } = await openTool(browser, server.url, 'summary', lang);
    const panel = page.locator('.panel[data-panel=summary]');
    // Every part the xinyu policy covers, from the saved answers: GPA 3.36 (forgiving.test.mjs
    // works it out), credits 13.75 of 20 (13.75 / 20 = 0.6875 → 0.69), the verdict, four
    // deadlines.
    assert.equal(await panel.getByTestId('sum-gpa').textContent(), '3.36');
    assert.match(await panel.getByTestId('sum-credits').textContent(), lang === 'en' ? /^Recognized 13\.75 of 20 planned credits \(equivalence 0\.69\)/ : /^认定 13\.75 \/ 计划 20 学分（等效比 0\.69）/);
    assert.equal(await panel.getByTestId('sum-verdict').getAttribute('data-status'), 'review');
    assert.equal(await panel.locator('.sum-deadlines li').count(), 4);
    // The day it was made: the page's today (a run across midnight may see either date).
    const made = await panel.getByTestId('sum-made').textContent();
    assert.ok(made.includes(opened) || made.includes(day()), made);
    assert.match(made, /xinyu-2022(，|, )(规则指纹|fingerprint) [0-9a-f]{8}/);
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual((await page.evaluate(printed, 'summary')).panels, ['summary']);
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdfPages(pdf), 1, `the summary PDF has ${pdfPages(pdf)} pages`);
    await context.close();
  });
}

test('under the GDUT plan the summary carries the funding split and the annual dates', async () => {
  const { page, context } = await openTool(browser, server.url, 'funding', 'zh-CN');
  await page.getByRole('tab', { name: '申请自查单' }).click();
  const panel = page.locator('.panel[data-panel=summary]');
  // 48,186.79 in all (forgiving.test.mjs works out the USD lines at 7.1234):
  //   school 21,370.20 tuition + 2,000 + 8,548.08 + 600 = 32,518.28 (LX-5.1.1);
  //   college: the ticket up to the economy fare, 6,800.00 (LX-5.1.2);
  //   student 1,700 above the fare + 1,100 visa + 1,068.51 + 5,000 = 8,868.51 (LX-5.1.3).
  assert.equal(await panel.getByTestId('sum-funding').textContent(), '合计 48,186.79 元 · 学校专项资助 32,518.28 元 · 学院配套资助 6,800.00 元 · 个人承担 8,868.51 元');
  assert.match(await panel.textContent(), /所选政策没有规定的部分：成绩与绩点、学分认定/);
  // LX-4 for the year 2027: 03-31 (LX-4.2.2), 04-15 (LX-4.2.3), 05-31 (LX-4.1).
  assert.deepEqual(await panel.locator('.sum-deadlines time').allTextContents(), ['2027-03-31', '2027-04-15', '2027-05-31']);
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdfPages(pdf), 1);
  await context.close();
});
