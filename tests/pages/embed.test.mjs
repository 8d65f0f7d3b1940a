// The custom element on a hostile CMS-like page: one script tag, Shadow DOM, policy-src.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, root, hostSite } from './harness.mjs';

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

// --- the README's snippet, several embeds, and the ready signal ------------------------

const site = (pages) => serve(hostSite(pages));
const hostPage = (body, lang = 'zh-CN') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>host</title></head><body><h1>国际处</h1>${body}</body></html>`;

async function openHost(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.events = [];
    for (const type of ['exchange-calc-ready', 'exchange-calc-error']) document.addEventListener(type, (e) => window.events.push({ type, id: e.target.id, detail: e.detail }));
  });
  await page.goto(url);
  return { page, context, problems };
}

test("the README's embed snippet, copied as it is, renders a calculator (its policy-src is missing)", async () => {
  const readme = fs.readFileSync(path.join(root, '../README.md'), 'utf8');
  const embedding = readme.slice(readme.indexOf('## Embedding'));
  const snippet = /```html\n([\s\S]*?)```/.exec(embedding)[1];
  assert.match(snippet, /<exchange-calc [^>]*policy-src="\/our-rules.json"/);
  const s = await site({ 'index.html': hostPage(snippet) });
  try {
    const { page, context, problems } = await openHost(`${s.url}/`);
    await page.waitForSelector('exchange-calc[data-ready]');
    assert.equal(await page.locator('exchange-calc').getAttribute('data-ready'), 'true');
    const calc = page.locator('exchange-calc');
    // The calculator is there, on the preset, with the tools the snippet asks for.
    assert.deepEqual(await calc.getByRole('tab').allTextContents(), ['成绩与绩点', '学分认定', '申请自查单']);
    await calc.getByLabel('外方成绩（字母等级或百分制分数）').fill('B+');
    assert.match(await calc.getByTestId('single-result').textContent(), /绩点 3\.3，百分制 88/);
    // A calm notice in the element's language, not an English error in place of it.
    const notice = calc.locator('[data-warning=policy_src]');
    assert.equal(await notice.textContent(), '未能读取本校的政策参数文件（/our-rules.json），暂按“新余学院交换生管理办法（2022年）”计算；结果可能与本校通知不同。');
    assert.equal(await calc.locator('[role=alert]').count(), 0);
    const events = await page.evaluate(() => window.events);
    assert.deepEqual(events.map((e) => e.type), ['exchange-calc-ready']);
    assert.equal(events[0].detail.policy.id, 'xinyu-2022');
    assert.match(events[0].detail.policy.hash, /^[0-9a-f]{8}$/);
    assert.deepEqual(events[0].detail.warnings, [{ code: 'policy_src', reason: 'HTTP 404', src: '/our-rules.json' }]);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await s.close();
  }
});

test('two embeds in different languages keep their own', async () => {
  const s = await site({
    'index.html': hostPage(`<script type="module" src="/exchange-calc/js/element.js"></script>
      <exchange-calc id="a" lang="zh-CN" tools="grades"></exchange-calc>
      <exchange-calc id="b" lang="en" tools="grades"></exchange-calc>`),
  });
  try {
    const { page, context, problems } = await openHost(`${s.url}/`);
    await page.waitForSelector('#a[data-ready="true"]');
    await page.waitForSelector('#b[data-ready="true"]');
    const a = page.locator('#a');
    const b = page.locator('#b');
    assert.equal(await a.locator('h1').textContent(), '交换生计算器');
    assert.equal(await b.locator('h1').textContent(), 'Exchange calculator');
    await a.getByLabel('外方成绩（字母等级或百分制分数）').fill('zz');
    await b.getByLabel('Partner grade (letter or percentage score)').fill('zz');
    assert.match(await a.locator('.field-error:not([hidden])').first().textContent(), /无法识别成绩“zz”/);
    assert.match(await b.locator('.field-error:not([hidden])').first().textContent(), /"zz" is not a grade/);
    // Switching one does not switch the other.
    await b.getByRole('button', { name: '中文' }).click();
    assert.equal(await b.locator('h1').textContent(), '交换生计算器');
    await a.getByRole('button', { name: 'English' }).click();
    assert.equal(await a.locator('h1').textContent(), 'Exchange calculator');
    assert.equal(await b.locator('h1').textContent(), '交换生计算器');
    assert.equal(await a.locator('.xc-host').getAttribute('lang'), 'en');
    assert.equal(await b.locator('.xc-host').getAttribute('lang'), 'zh-CN');
    assert.deepEqual((await page.evaluate(() => window.events)).map((e) => `${e.type} ${e.id}`).sort(), ['exchange-calc-ready a', 'exchange-calc-ready b']);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await s.close();
  }
});

test('a calculator that cannot load says so: data-ready="error" and exchange-calc-error, never "ready"', async () => {
  const s = await site({ 'index.html': hostPage('<script type="module" src="/exchange-calc/js/element.js"></script><exchange-calc id="c"></exchange-calc>', 'en') });
  try {
    const context = await browser.newContext();
    // The wasm never arrives.
    await context.route('**/*.wasm', (r) => r.abort());
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.events = [];
      for (const type of ['exchange-calc-ready', 'exchange-calc-error']) document.addEventListener(type, (e) => window.events.push({ type, detail: e.detail }));
    });
    await page.goto(`${s.url}/`);
    await page.waitForSelector('exchange-calc[data-ready]');
    assert.equal(await page.locator('exchange-calc').getAttribute('data-ready'), 'error');
    const events = await page.evaluate(() => window.events);
    assert.deepEqual(events.map((e) => e.type), ['exchange-calc-error']);
    assert.equal(events[0].detail.code, 'load_failed');
    assert.ok(events[0].detail.reason.length > 0);
    // The page's language (en) for the message in the element.
    assert.match(await page.locator('exchange-calc [role=alert]').textContent(), /^The calculator could not load: .*Reload the page/);
    await context.close();
  } finally {
    await s.close();
  }
});
