// The custom element on a hostile CMS-like page: one script tag, Shadow DOM, policy-src.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openEmbed() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  const problems = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith(server.url)) foreign.push(r.url()); });
  await page.goto(`${server.url}/embed-demo.html`);
  await page.waitForSelector('exchange-calc[data-ready="true"]');
  return { page, context, problems, foreign };
}

test('the host page CSS does not reach inside the element', async () => {
  const { page, context, problems, foreign } = await openEmbed();
  // Host: every button is 22px wide, red, Times. Inside the element: none of that.
  const host = await page.evaluate(() => {
    const b = document.createElement('button');
    document.body.append(b);
    const s = getComputedStyle(b);
    return { width: s.width, bg: s.backgroundColor, font: s.fontFamily };
  });
  assert.equal(host.bg, 'rgb(238, 0, 0)');
  const inside = await page.evaluate(() => {
    const root = document.querySelector('exchange-calc').shadowRoot;
    const input = root.querySelector('.grade-input');
    const add = root.querySelector('button.add');
    const h2 = root.querySelector('h2');
    const dialog = root.querySelector('dialog');
    const si = getComputedStyle(input); const sb = getComputedStyle(add); const sh = getComputedStyle(h2);
    return {
      inputWidth: input.getBoundingClientRect().width, buttonBg: sb.backgroundColor, buttonFont: sb.fontFamily,
      h2Transform: sh.textTransform, h2Size: sh.fontSize, letterSpacing: getComputedStyle(root.querySelector('.xc-app')).letterSpacing,
      dialogShown: getComputedStyle(dialog).display, boxSizing: si.boxSizing,
    };
  });
  assert.ok(inside.inputWidth > 100, `grade input is usable, width ${inside.inputWidth}`);
  assert.notEqual(inside.buttonBg, 'rgb(238, 0, 0)');
  assert.doesNotMatch(inside.buttonFont, /Times/);
  assert.equal(inside.h2Transform, 'none');
  assert.equal(inside.h2Size, `${16 * 1.1}px`.replace(/(\.\d)0*px/, '$1px'));
  assert.equal(inside.letterSpacing, 'normal');
  assert.equal(inside.dialogShown, 'none', 'the closed dialog stays closed');
  assert.equal(inside.boxSizing, 'border-box');
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('it works inside the host page and uses the policy-src override', async () => {
  const { page, context } = await openEmbed();
  const calc = page.locator('exchange-calc');
  await calc.getByLabel('外方成绩（字母等级或百分制分数）').fill('ａ－');
  assert.match(await calc.getByTestId('single-result').textContent(), /绩点 3\.5，百分制 91/);
  // The footer names the university's own parameters and their fingerprint.
  assert.match(await calc.locator('.policy-ref').textContent(), /xinyu-2022-demo-office，规则指纹 [0-9a-f]{8}/);
  // The host page is untouched by the element: its own heading keeps its CSS.
  const hostH2 = await page.evaluate(() => getComputedStyle(document.querySelector('.cms-article h2')).textTransform);
  assert.equal(hostH2, 'uppercase');
  await context.close();
});
