// Staged loading (issue 14): the first tool answers from the small grades module; the full
// module and the other tools' code come when another tool is opened or the browser is idle; an
// embed of the grades tool alone never downloads them on its own; a tool opened before they
// arrive shows its skeleton and fills in, with no error and nothing above it moving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, hostSite, watch } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FULL = /\/pkg\/exchange_calc(_bg\.wasm|\.js)$/;
const GRADES = /\/pkg\/exchange_calc_grades(_bg\.wasm|\.js)$/;
const CHUNK = /\/js\/chunk-[^/]+\.js$/;
const pathOf = (url) => new URL(url).pathname;

test('an embed of the grades tool alone answers from the grades module and never fetches the full one', async () => {
  const site = await serve(hostSite({ 'index.html': `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>grades</title><link rel="icon" href="data:,"></head><body>
    <script type="module" src="/exchange-calc/js/element.js"></script>
    <exchange-calc tools="grades" policy="xinyu-2022"></exchange-calc></body></html>` }));
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  try {
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(pathOf(r.url())));
    const { problems } = watch(page, site.url);
    // The browser is idle at once, every time: whatever the page would fetch when idle it
    // fetches now, so a quiet network below means it never would (no guess at a delay).
    await page.addInitScript(() => {
      window.requestIdleCallback = (fn) => setTimeout(() => fn({ didTimeout: false, timeRemaining: () => 50 }), 0);
    });
    await page.goto(`${site.url}/`);
    await page.waitForSelector('exchange-calc[data-ready="true"]');
    const calc = page.locator('exchange-calc');
    // XYU-12.7(2): B+ is 3.3 on the four-point scale and 88 as a percentage.
    await calc.getByLabel('外方成绩（字母等级或百分制分数）').fill('Ｂ＋');
    assert.match(await calc.getByTestId('single-result').textContent(), /绩点 3\.3，百分制 88/);
    // A(3), B+(2), F(1): (3×3.7 + 2×3.3 + 1×0) / 6 = 17.7 / 6 = 2.95; (3×95 + 2×88 + 1×55) / 6 = 86.
    const rows = calc.locator('table.rows tbody tr');
    for (const [i, [name, credits, grade]] of [['微积分', '3', 'A'], ['物理', '2', 'B+'], ['写作', '1', 'F']].entries()) {
      if (i > 0) await calc.getByRole('button', { name: '+ 添加一行' }).first().click();
      const row = rows.nth(i);
      await row.locator('[data-field=name]').fill(name);
      await row.locator('[data-field=credits]').fill(credits);
      await row.locator('[data-field=grade]').fill(grade);
    }
    assert.equal(await calc.getByTestId('gpa').textContent(), '2.95');
    assert.equal(await calc.getByTestId('average').textContent(), '86.00');
    await page.waitForLoadState('networkidle');
    assert.ok(requests.some((r) => GRADES.test(r)), 'the grades module was loaded');
    assert.deepEqual(requests.filter((r) => FULL.test(r) || CHUNK.test(r)), [], 'no request for the full module or another tool');
    // The home-score comparison is the full module's: the first score typed brings it in.
    const home = calc.locator('table.rows').nth(1).locator('tbody tr').first();
    await home.locator('[data-field=credits]').fill('2');
    await home.locator('[data-field=score]').fill('86');
    await calc.locator('table.compare').waitFor();
    assert.ok(requests.some((r) => FULL.test(r)), 'the full module was fetched on demand');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('the app page answers first from the grades module, preloaded from the start', async () => {
  const { page, context, problems } = await openPage(browser, (await server()).url);
  try {
    const links = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload], link[rel=modulepreload]')].map((l) => new URL(l.href).pathname));
    assert.deepEqual(links.sort(), ['/pkg/exchange_calc_grades.js', '/pkg/exchange_calc_grades_bg.wasm']);
    const first = await page.evaluate(async () => (await import('/pkg/exchange_calc_grades.js')).convertGrade({ policy: 'xinyu-2022', grade: 'B+' }).gradePoint);
    assert.equal(first, '3.3');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

let shared;
async function server() {
  shared ??= await serve();
  return shared;
}
after(async () => { await shared?.close(); });

test('a tool opened before the full module arrives shows its skeleton, then fills in without moving the page', async () => {
  const site = await server();
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  try {
    const page = await context.newPage();
    const { problems } = watch(page, site.url);
    // Hold the full module's wasm until the test lets it through.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/pkg/exchange_calc_bg.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('tab', { name: '学分认定' }).click();
    const panel = page.locator('[data-panel="credits"]');
    await panel.locator('.skeleton[aria-busy="true"]').waitFor();
    assert.equal(await panel.getAttribute('data-ready'), null);
    const before = await page.evaluate(() => [document.querySelector('[role=tablist]').getBoundingClientRect().top, document.querySelector('[data-panel="credits"]').getBoundingClientRect().top]);
    release();
    await page.waitForSelector('[data-panel="credits"][data-ready="true"]');
    assert.equal(await panel.locator('.skeleton').count(), 0);
    assert.ok(await panel.getByRole('heading').count() > 0, 'the credits tool is there');
    const after = await page.evaluate(() => [document.querySelector('[role=tablist]').getBoundingClientRect().top, document.querySelector('[data-panel="credits"]').getBoundingClientRect().top]);
    assert.deepEqual(after, before, 'the tabs and the panel stay where they were');
    // And it answers: a finding's clause opens the regulation's text (describePolicy, full
    // module). 64 class hours at 16–18 an hour is 3.56–4.00 credits, 4 recognized, 16 of 20 short
    // (XYU-12.2).
    await panel.getByLabel('本期培养计划学分').fill('20');
    await panel.getByLabel('课程 1', { exact: true }).fill('Calculus');
    await panel.getByLabel('学时 1', { exact: true }).fill('64');
    await panel.getByLabel('外方成绩 1', { exact: true }).fill('A');
    assert.equal(await panel.getByTestId('range').textContent(), '3.56–4.00');
    await panel.locator('.finding', { hasText: '尚差 16.00 学分' }).getByRole('button', { name: 'XYU-12.2' }).click();
    assert.match(await page.getByRole('dialog', { name: '条款 XYU-12.2' }).textContent(), /16-18学时计1个学分/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
