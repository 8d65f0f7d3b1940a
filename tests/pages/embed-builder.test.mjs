// The embed builder (issue 18) used as the university web editor uses it: choose, fill in this
// year's values, download the file and copy the snippet — then the snippet and the file, put
// on the hostile CMS page (embed-demo.html), give a calculator with those values in effect.
// Mistakes are explained at their fields in the API's own words and give no snippet; each
// parameter shows its clause and a sample answer it changes; the preview is the real element;
// the rules can be read in words (here and from the app's footer). axe, 375 px, strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { serve, launch, openPage, root, fieldError, hostSite, axeViolations } from './harness.mjs';
import { initSync, describePolicy } from '../../www/pkg/exchange_calc.js';

initSync({ module: fs.readFileSync(path.join(root, 'pkg/exchange_calc_bg.wasm')) });

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Locators pierce shadow roots, and the preview is a whole calculator: keep to the builder's own parts.
const field = (page, key) => page.locator(`.b-form input[name="${key}"]`);
const param = (page, key) => page.locator(`.b-param[data-param="${key}"]`);

async function openBuilder(url, options = {}) {
  const o = await openPage(browser, url, { viewport: { width: 1100, height: 900 }, acceptDownloads: true, ...options });
  await o.page.waitForSelector('#preview[data-ready="true"]');
  return o;
}

/** Waits until the preview shows the current values (it follows them after a pause). */
async function previewSettled(page, hash) {
  await page.waitForFunction((h) => {
    const el = document.querySelector('#preview');
    return el?.dataset.ready === 'true' && el.shadowRoot.querySelector('.policy-ref')?.textContent.includes(h);
  }, hash, { timeout: 10000 });
}

/** A host site (www/ at /exchange-calc/, as the README installs it) and its server. */
function site() {
  const dir = hostSite();
  return { dir, serving: serve(dir) };
}

test('valid values give a file and a snippet that, on the hostile CMS page, run the calculator with those values', async () => {
  const { dir, serving } = site();
  const s = await serving;
  try {
    const { page, context, problems, foreign } = await openBuilder(`${s.url}/exchange-calc/embed-builder.html`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url });
    await page.locator('.b-form input[type=radio][value="xinyu-2022"]').check();
    // Grades and eligibility only, in English, this year's GPA line and IELTS priority line.
    for (const box of await page.locator('.b-tools input[type=checkbox]').all()) {
      const keep = ['grades', 'eligibility'].includes(await box.inputValue());
      if (keep !== await box.isChecked()) await box.setChecked(keep);
    }
    await page.locator('.b-form input[type=radio][value="en"]').check();
    await field(page, 'minGpa').fill('３．２'); // full-width, as a Chinese input method types it
    await field(page, 'priorityIelts').fill('6.5');
    await page.locator('.b-form .b-src').fill('/uni/notice-2026.json');
    assert.equal(await page.locator('.b-status').textContent(), '数值都已检查通过。');

    // The file: only what differs from the preset, in the reader's spelling, with $schema.
    const shown = await page.getByTestId('b-file').textContent();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载参数文件' }).click()]);
    assert.equal(download.suggestedFilename(), 'notice-2026.json');
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.equal(text, shown);
    const file = JSON.parse(text);
    assert.deepEqual(file, { $schema: `${s.url}/exchange-calc/policy.schema.json`, extends: 'xinyu-2022', minGpa: '3.2', priorityIelts: '6.5' });
    // The schema it names accepts it (ajv, as tests/pages/policy-schema.test.mjs compiles it).
    const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
    ajv.addVocabulary(['errorMessage']);
    ajv.addFormat('regex', (x) => { try { new RegExp(x, 'u'); return true; } catch { return false; } });
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'policy.schema.json'), 'utf8'));
    assert.ok(ajv.validate(schema, file), JSON.stringify(ajv.errors));

    // The snippet, as copied; the fingerprint is the file's.
    const snippet = await page.getByTestId('b-snippet').textContent();
    assert.equal(snippet, '<script type="module" src="/exchange-calc/js/element.js"></script>\n'
      + '<exchange-calc policy="xinyu-2022" lang="en" tools="grades,eligibility" policy-src="/uni/notice-2026.json"></exchange-calc>\n');
    await page.getByRole('button', { name: '复制嵌入代码' }).click();
    await page.locator('.b-copied', { hasText: '已复制。' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    const hash = await page.getByTestId('b-hash').textContent();
    assert.equal(hash, describePolicy({ policy: file }).hash);
    assert.match(await page.locator('.b-out').textContent(), new RegExp(`打印结果上会写：依据：新余学院交换生管理办法（2022年）（xinyu-2022，规则指纹 ${hash}）`));
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
    await context.close();

    // On the hostile CMS page, as the editor pastes it, with the file where the snippet says.
    const demo = fs.readFileSync(path.join(root, 'embed-demo.html'), 'utf8');
    const host = demo.replace(/<script type="module" src="js\/element.js"><\/script>/, '')
      .replace(/<exchange-calc [^>]*><\/exchange-calc>/, snippet)
      .replace(/href="(css\/embed-demo.css|icon.svg)"/g, 'href="/exchange-calc/$1"');
    assert.ok(host.includes(snippet) && !host.includes('policy-src="embed-policy.json"'));
    fs.writeFileSync(path.join(dir, 'index.html'), host);
    fs.mkdirSync(path.join(dir, 'uni'));
    fs.writeFileSync(path.join(dir, 'uni/notice-2026.json'), text);
    const hostContext = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const hp = await hostContext.newPage();
    const hostProblems = [];
    hp.on('pageerror', (e) => hostProblems.push(e.message));
    hp.on('console', (m) => { if (m.type() === 'error') hostProblems.push(m.text()); });
    await hp.addInitScript(() => { window.events = []; document.addEventListener('exchange-calc-ready', (e) => window.events.push(e.detail)); });
    await hp.goto(`${s.url}/`);
    await hp.waitForSelector('exchange-calc[data-ready="true"]');
    const calc = hp.locator('exchange-calc');
    assert.deepEqual(await hp.evaluate(() => window.events), [{ policy: { id: 'xinyu-2022', hash }, warnings: [] }]);
    assert.deepEqual(await calc.getByRole('tab').allTextContents(), ['Grades & GPA', 'Eligibility']);
    assert.match(await calc.locator('.policy-ref').textContent(), new RegExp(`xinyu-2022, fingerprint ${hash}`));
    // The year's GPA line is in effect: 3.0 is below it (the preset leaves it to review), 3.3 is not.
    await calc.getByRole('tab', { name: 'Eligibility' }).click();
    const gpa = calc.getByLabel('Your GPA (four-point scale, 0–4)');
    await gpa.fill('3.0');
    const finding = calc.locator('.finding[data-code="gpa"]');
    assert.match(await finding.getAttribute('class'), /fail/);
    assert.match(await finding.textContent(), /GPA must be at least 3\.2; yours is 3\.0/);
    await gpa.fill('3.3');
    assert.match(await finding.getAttribute('class'), /pass/);
    // And the IELTS priority line: 7 gives priority.
    await calc.getByLabel('IELTS', { exact: false }).first().fill('7');
    assert.match(await calc.locator('.finding[data-code="language"]').textContent(), /IELTS 7 \(priority threshold 6\.5\)/);
    assert.deepEqual(hostProblems, []);
    await hostContext.close();
  } finally {
    await s.close();
  }
});

test('mistakes are listed at their fields in the API\'s words and codes, and give no file and no snippet', async () => {
  const { page, context, problems } = await openBuilder(`${server.url}/embed-builder.html`);
  const typed = { minGpa: '-1', priorityIelts: '9.5', priorityToefl: 'ninety', hoursPerCredit: '20', studentIdPattern: '(' };
  for (const [key, value] of Object.entries(typed)) await field(page, key).fill(value);
  await page.locator('.b-form .b-src').fill('  ');
  for (const locale of ['zh-CN', 'en']) {
    if (locale === 'en') await page.locator('.builder > .bar .lang').click();
    // The API on the same override, in the same language: its problems, word for word.
    let expected;
    try { describePolicy({ policy: { extends: 'xinyu-2022', ...typed }, locale }); } catch (e) { expected = e; }
    assert.equal(expected.code, 'invalid_policy');
    assert.deepEqual(expected.problems.map((p) => p.path).sort(), Object.keys(typed).sort());
    for (const p of expected.problems) {
      assert.equal(await fieldError(field(page, p.path)), p.reason, `${locale} ${p.path}`);
      assert.equal(await field(page, p.path).getAttribute('aria-invalid'), 'true');
    }
    assert.equal(await fieldError(page.locator('.b-form .b-src')), locale === 'en' ? 'Enter the file\'s address' : '请填写文件地址');
    // The summary: every problem, the API's code, a link to its field; no file, no snippet.
    const items = page.locator('.b-problems li');
    assert.equal(await items.count(), 6);
    assert.match(await items.nth(0).textContent(), /minGpa.*invalid_policy/);
    assert.equal(await page.locator('.b-status').textContent(), locale === 'en' ? '6 problems: correct them to get the file and the snippet.' : '有 6 处问题：改正后才会生成参数文件和嵌入代码。');
    assert.equal(await page.getByTestId('b-snippet').count(), 0);
    assert.equal(await page.getByTestId('b-file').count(), 0);
    assert.equal(await page.locator('.b-out button').count(), 0);
  }
  // A link in the summary takes the editor to the field.
  await page.locator('.b-problems a').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.name), 'minGpa');
  // Correcting one clears its message only.
  await field(page, 'minGpa').fill('2.5');
  assert.equal(await fieldError(field(page, 'minGpa')), '');
  assert.equal(await field(page, 'minGpa').getAttribute('aria-invalid'), 'false');
  assert.equal(await fieldError(field(page, 'hoursPerCredit')), '20 must be between 16 and 18');
  // The preview shows what the element does with such a file: the preset, and why.
  await page.waitForFunction(() => document.querySelector('#preview')?.shadowRoot?.querySelector('[data-warning=policy_invalid]'), null, { timeout: 10000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('only what the regulation reads is offered, each with its clause, what it changes and a sample it changes', async () => {
  const { page, context } = await openBuilder(`${server.url}/embed-builder.html`);
  // xinyu reads the GPA line, both priority lines, the hours and the id format; not the funding ones.
  const offered = () => page.locator('.b-param').evaluateAll((els) => els.map((e) => e.dataset.param));
  assert.deepEqual(await offered(), ['minGpa', 'priorityIelts', 'priorityToefl', 'hoursPerCredit', 'studentIdPattern']);
  assert.match(await page.locator('.b-unread').textContent(), /schoolCapPerStudent.*schoolShareRatio.*计算器会拒绝这样的文件/);
  const xinyu = describePolicy({ policy: 'xinyu-2022' });
  assert.equal(await param(page, 'minGpa').locator('.clause-id').textContent(), 'XYU-10.2(2)');
  assert.equal(await param(page, 'minGpa').locator('blockquote').textContent(), '（2）政治素质良好，思想品德合格，学习成绩良好，具有较强的进取心和责任感。');
  assert.ok(xinyu.clauses['XYU-10.2'].zh.includes(await param(page, 'minGpa').locator('blockquote').textContent()));
  assert.equal(await param(page, 'hoursPerCredit').locator('blockquote').textContent(), xinyu.clauses['XYU-12.2'].zh);
  assert.match(await param(page, 'hoursPerCredit').textContent(), /须在 16–18 之间。 预设值：16/);
  assert.equal(await field(page, 'hoursPerCredit').inputValue(), '16');
  assert.match(await param(page, 'studentIdPattern').textContent(), /不是办法的规定/);

  // The GPA sample flips: unset → review, 2.8 → met, 3.2 → not met, and the verdict with it.
  const out = (key) => param(page, key).locator('.b-try-out');
  assert.match(await out('minGpa').textContent(), /^待审核 GPA 3\.0：/);
  await field(page, 'minGpa').fill('2.8');
  assert.match(await out('minGpa').textContent(), /^符合 /);
  await field(page, 'minGpa').fill('3.2');
  assert.match(await out('minGpa').textContent(), /^不符合 GPA 须至少 3\.2；你的是 3\.0。申请资格：不符合申请条件$/);
  await param(page, 'minGpa').locator('.b-try-input').fill('3.5');
  assert.match(await out('minGpa').textContent(), /^符合 /);
  // Hours: a 48-hour course is 3.00 credits at 16 hours a credit, 2.67 at 18.
  assert.equal(await out('hoursPerCredit').textContent(), '认定 3.00 学分');
  await field(page, 'hoursPerCredit').fill('18');
  assert.equal(await out('hoursPerCredit').textContent(), '认定 2.67 学分');
  // The id format against a sample id.
  await field(page, 'studentIdPattern').fill('20\\d{8}');
  assert.match(await out('studentIdPattern').textContent(), /^符合 学号格式正确$/);
  await param(page, 'studentIdPattern').locator('.b-try-input').fill('1999');
  assert.match(await out('studentIdPattern').textContent(), /^不符合 学号/);

  // gdut reads the cap and the share, not the GPA or hours lines.
  await page.locator('.b-form input[type=radio][value="gdut-lixing-2026"]').check();
  assert.deepEqual(await offered(), ['schoolCapPerStudent', 'schoolShareRatio', 'studentIdPattern']);
  assert.match(await page.locator('.b-unread').textContent(), /minGpa.*priorityIelts.*priorityToefl.*hoursPerCredit/);
  assert.equal(await param(page, 'schoolShareRatio').locator('.clause-id').textContent(), 'LX-5.2');
  // The funding tool has rules here; under xinyu it said it had none.
  assert.equal(await page.locator('.b-tools input[value=funding]').isChecked(), true);
  assert.equal(await out('schoolShareRatio').textContent(), '学校承担 30,000.00 元，个人承担 0.00 元待审核 费用分担比例由当年项目实施通知确定，政策未设置：按学校全额资助估算，以通知为准。');
  await field(page, 'schoolShareRatio').fill('0.8');
  assert.match(await out('schoolShareRatio').textContent(), /^学校承担 24,000\.00 元，个人承担 6,000\.00 元符合 /);
  // The samples run under every value that checks out: the cap and the share together.
  await field(page, 'schoolCapPerStudent').fill('20000');
  assert.match(await out('schoolCapPerStudent').textContent(), /^学校承担 20,000\.00 元，个人承担 10,000\.00 元不符合 /);
  assert.match(await out('schoolShareRatio').textContent(), /^学校承担 20,000\.00 元，个人承担 10,000\.00 元符合 /);
  await field(page, 'schoolShareRatio').fill('2');
  assert.match(await out('schoolCapPerStudent').textContent(), /^学校承担 20,000\.00 元，个人承担 10,000\.00 元/);
  assert.equal(await out('schoolShareRatio').textContent(), '先改正上面的数值，才能试算。');
  await field(page, 'schoolShareRatio').fill('0.8');
  // The file says what was set, and nothing that gdut does not read.
  assert.deepEqual(JSON.parse(await page.getByTestId('b-file').textContent()),
    { $schema: `${server.url}/policy.schema.json`, extends: 'gdut-lixing-2026', schoolCapPerStudent: '20000', schoolShareRatio: '0.8' });
  // Each preset keeps its own values.
  await page.locator('.b-form input[type=radio][value="xinyu-2022"]').check();
  assert.equal(await field(page, 'minGpa').inputValue(), '3.2');
  await context.close();
});

test('the preview is the real element with the file in effect, and the rules can be read in words', async () => {
  const { page, context, problems } = await openBuilder(`${server.url}/embed-builder.html`);
  await field(page, 'minGpa').fill('3.2');
  await page.locator('.b-form input[type=radio][value=""]').check(); // the page's language
  const hash = await page.getByTestId('b-hash').textContent();
  await previewSettled(page, hash);
  const preview = page.locator('#preview');
  assert.equal(await preview.getAttribute('policy'), 'xinyu-2022');
  assert.equal(await preview.getAttribute('lang'), null);
  assert.equal(await preview.getAttribute('tools'), 'grades,credits,eligibility,deadlines,summary,quota,cohort');
  assert.equal(await preview.locator('h1').textContent(), '交换生计算器');
  await preview.getByRole('tab', { name: '申请资格' }).click();
  await preview.getByLabel('你的 GPA（4 分制，0–4）').fill('3.0');
  assert.match(await preview.locator('.finding[data-code="gpa"]').textContent(), /GPA 须至少 3\.2；你的是 3\.0/);

  // The rules in words: the file's values marked, the preset's not.
  await page.getByRole('button', { name: '查看这些规则的全文' }).click();
  const dialog = page.locator('.builder > dialog.policy-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), '规则全文');
  assert.equal(await dialog.locator('.pw-title').textContent(), '新余学院交换生管理办法（2022年）');
  assert.match(await dialog.textContent(), new RegExp(`规则指纹 ${hash}`));
  const row = (key) => dialog.locator(`.pw-param[data-param="${key}"]`);
  assert.match(await row('minGpa').textContent(), /本文件设定3\.2/);
  assert.doesNotMatch(await row('hoursPerCredit').textContent(), /本文件设定/);
  assert.match(await row('hoursPerCredit').textContent(), /16.*XYU-12\.2/);
  assert.match(await row('priorityToefl').textContent(), /未设定/);
  assert.match(await row('schoolShareRatio').textContent(), /本政策中没有读取此参数的规则/);
  assert.match(await dialog.locator('[data-section=credits]').textContent(), /16–18 学时计 1 学分；本政策按 16 学时计算认定学分。/);
  assert.equal(await dialog.locator('.pw-clauses dt').count(), Object.keys(describePolicy({ policy: 'xinyu-2022' }).clauses).length);
  await dialog.getByRole('button', { name: '关闭' }).first().click();
  assert.equal(await dialog.isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the app's footer opens the rules in words: the preset's, and a university file's with what it sets", async () => {
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 375, height: 800 } });
  await page.getByRole('button', { name: '这些规则的全文' }).click();
  const dialog = page.locator('dialog.policy-dialog');
  assert.match(await dialog.locator('.pw-title').textContent(), /新余学院交换生管理办法/);
  assert.equal(await dialog.locator('.set-by-file').count(), 0);
  assert.match(await dialog.locator('.pw-param[data-param="minGpa"]').textContent(), /未设定/);
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(width[0] <= width[1], `no sideways scroll: ${width}`);
  await dialog.getByRole('button', { name: '关闭' }).first().click();
  assert.deepEqual(problems, []);
  await context.close();

  // The demo page's embed reads embed-policy.json: minGpa, both priority lines and the id and titles are the file's.
  const c2 = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const p2 = await c2.newPage();
  await p2.goto(`${server.url}/embed-demo.html`);
  await p2.waitForSelector('exchange-calc[data-ready="true"]');
  const calc = p2.locator('exchange-calc');
  await calc.getByRole('button', { name: '这些规则的全文' }).click();
  const d2 = calc.locator('dialog.policy-dialog');
  assert.match(await d2.textContent(), /标有“本文件设定”的内容来自本校的政策文件，其余沿用预设政策 xinyu-2022。/);
  const marked = await d2.locator('.pw-param.set').evaluateAll((els) => els.map((e) => e.dataset.param));
  assert.deepEqual(marked, ['minGpa', 'priorityIelts', 'priorityToefl']);
  assert.match(await d2.textContent(), /本文件设定 本文件改动：id, title, titleEn/);
  assert.match(await d2.locator('.pw-param[data-param="minGpa"]').textContent(), /2\.8/);
  await c2.close();
});

test('a damaged saved builder state is kept aside, said in words, and the builder still opens', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  // Damaged once: the builder's own saves after it are whole.
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) { localStorage.setItem('exchange-calc:builder', '{"preset": "xinyu-2022", "values": {'); sessionStorage.setItem('seeded', '1'); }
  });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}/embed-builder.html`);
  await page.waitForSelector('#preview[data-ready="true"]');
  assert.equal(await page.getByTestId('b-corrupt').textContent(), '之前保存的数据无法读取，已在本设备上另存一份副本，并重新开始。');
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('exchange-calc:builder:corrupt:')));
  assert.equal(aside.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside[0]), '{"preset": "xinyu-2022", "values": {');
  // It works, and saves afresh under its own key.
  await field(page, 'minGpa').fill('3.2');
  await page.getByTestId('b-file').waitFor();
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('exchange-calc:builder'))).values[await page.locator('.b-form input[type=radio]:checked').first().inputValue()].minGpa, '3.2');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const lang of ['zh-CN', 'en']) {
  for (const width of [375, 768, 1280]) {
    test(`at ${width} px (${lang}): no sideways scroll, 44 px targets, code that wraps; axe finds nothing, valid or not, dialog open`, async () => {
      const { page, context, problems } = await openBuilder(`${server.url}/embed-builder.html`, { viewport: { width, height: 900 }, bypassCSP: true });
      if (lang === 'en') await page.locator('.builder > .bar .lang').click();
      await field(page, 'minGpa').fill('3.2');
      await field(page, 'studentIdPattern').fill('20\\d{8}');
      const inspect = () => page.evaluate(() => {
        const found = [];
        const vw = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth > vw) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
        const shown = (el) => el.getClientRects().length > 0;
        for (const el of document.querySelectorAll('.builder input[type=text], .builder button:not(.link)')) {
          const r = el.getBoundingClientRect();
          if (shown(el) && r.height < 43.5) found.push(`${el.tagName} "${el.textContent || el.name}" is ${Math.round(r.height)} px tall`);
          if (shown(el) && r.right > vw + 0.5) found.push(`${el.tagName} "${el.textContent || el.name}" runs off the right edge`);
        }
        for (const el of document.querySelectorAll('.builder label.choice')) if (shown(el) && el.getBoundingClientRect().height < 43.5) found.push(`choice "${el.textContent}" is short`);
        for (const el of document.querySelectorAll('.b-code')) if (el.scrollWidth > el.clientWidth + 1) found.push('a code block scrolls sideways');
        return found;
      });
      const axe = () => axeViolations(page);
      assert.deepEqual(await inspect(), []);
      assert.deepEqual(await axe(), []);
      await field(page, 'priorityIelts').fill('10');
      await field(page, 'hoursPerCredit').fill('x');
      assert.equal(await page.locator('.b-problems li').count(), 2);
      assert.deepEqual(await inspect(), []);
      assert.deepEqual(await axe(), []);
      await field(page, 'priorityIelts').fill('');
      await field(page, 'hoursPerCredit').fill('17');
      await page.locator('.b-out button.link').click();
      await page.locator('.builder > dialog.policy-dialog').waitFor();
      assert.deepEqual(await axe(), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
