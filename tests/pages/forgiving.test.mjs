// Forgiving (issue 15): a bad cell shows its message in plain words right under the field,
// tied to it with aria-describedby, and the other rows' results stay. With the fixtures'
// data (fixtures.mjs): grades row 4 has credits "三", credits row 6 has −16 class hours.
// Expected values are worked out by hand from the XYU-12.7(2) table and XYU-12.2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, fieldError } from './harness.mjs';
import { openTool } from './fixtures.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The message element is under its input: below it, and overlapping it sideways. */
async function under(input) {
  return input.evaluate((el) => {
    const err = el.getRootNode().getElementById(el.getAttribute('aria-describedby'));
    const a = el.getBoundingClientRect();
    const b = err.getBoundingClientRect();
    return b.top >= a.bottom - 1 && b.top - a.bottom < 40 && b.left < a.right && b.right > a.left;
  });
}

for (const [lang, width] of [['zh-CN', 375], ['en', 1280]]) {
  test(`grades: "三" as credits is explained under its field; the other rows still give the GPA (${lang}, ${width} px)`, async () => {
    const { page, context, problems } = await openTool(browser, server.url, 'grades', lang, { viewport: { width, height: 900 } });
    const en = lang === 'en';
    const credits4 = page.getByLabel(en ? 'Credits 4' : '学分 4', { exact: true }).first();
    assert.equal(await credits4.getAttribute('aria-invalid'), 'true');
    assert.equal(await fieldError(credits4), en ? 'Row 4, Credits: "三" is not a number; enter a number, e.g. 3' : '第 4 行 学分：“三”不是数字，请填数字，例如 3');
    assert.ok(await under(credits4), 'the message is right under the field');
    // Not the program's path anywhere on the page.
    assert.doesNotMatch(await page.locator('.panel[data-panel=grades]').textContent(), /courses\[/);
    // The other rows: A(3) 3.7, B+(4) 3.3, "A——"(2) read as A- 3.5, "ｂ"(3) B 3.0; P(1) credits only.
    // GPA = (3×3.7 + 4×3.3 + 2×3.5 + 3×3.0) / 12 = (11.1 + 13.2 + 7 + 9) / 12 = 40.3 / 12 = 3.358… → 3.36
    // average = (3×95 + 4×88 + 2×91 + 3×85) / 12 = (285 + 352 + 182 + 255) / 12 = 1074 / 12 = 89.5
    assert.equal(await page.getByTestId('gpa').textContent(), '3.36');
    assert.equal(await page.getByTestId('average').textContent(), '89.50');
    const point = (n) => page.locator('.panel[data-panel=grades] .grid.rows').first().locator('tbody tr').nth(n - 1).locator('td.col-point output');
    assert.equal(await point(1).textContent(), '3.7');
    assert.equal(await point(3).textContent(), '3.5');
    assert.equal(await point(4).textContent(), en ? 'left out' : '未计入');
    // Fixing the cell brings the row back: + 3×3.0 → 49.3 / 15 = 3.2866… → 3.29.
    await credits4.fill('3');
    assert.equal(await credits4.getAttribute('aria-invalid'), null);
    assert.equal(await fieldError(credits4), '');
    assert.equal(await page.getByTestId('gpa').textContent(), '3.29');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('credits: −16 class hours is explained under its field; the other courses are still recognized', async () => {
  const { page, context, problems } = await openTool(browser, server.url, 'credits', 'zh-CN', { viewport: { width: 375, height: 900 } });
  const panel = page.locator('.panel[data-panel=credits]');
  const hours6 = panel.getByLabel('学时 6', { exact: true });
  assert.equal(await hours6.getAttribute('aria-invalid'), 'true');
  assert.equal(await fieldError(hours6), '第 6 行 学时：-16 应在 0 到 2000 之间');
  assert.ok(await under(hours6));
  // Recognized from the other five (hoursPerCredit 16; conventions: US semester 1:1, ECTS 2:1):
  // Calculus 64 h → 4, Mechanics 4 US credits → 4, Economics 7.5 ECTS → 3.75, Thermodynamics F → 0,
  // Summer School 32 h → 2 as a short programme (cap 2, XYU-12.3): 4 + 4 + 3.75 + 2 = 13.75.
  assert.equal(await panel.getByTestId('recognized').textContent(), '13.75');
  assert.match(await panel.locator('.bad-note').textContent(), /1 行有误/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('eligibility: an impossible GPA is explained under its field; the verdict on the rest stays', async () => {
  const { page, context, problems } = await openTool(browser, server.url, 'eligibility', 'en', { viewport: { width: 768, height: 900 } });
  const gpa = page.getByLabel('Your GPA (four-point scale, 0–4)');
  await gpa.fill('5');
  assert.equal(await gpa.getAttribute('aria-invalid'), 'true');
  assert.equal(await fieldError(gpa), '5 must be between 0 and 4');
  // Still a verdict: the GPA is left out (so for review), XYU-11's one semester still passes.
  assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'review');
  assert.match(await page.locator('.finding[data-code=semesters]').getAttribute('class'), /pass/);
  assert.doesNotMatch(await page.locator('.panel[data-panel=eligibility]').textContent(), /applicant\./);
  assert.deepEqual(problems, []);
  await context.close();
});

test('funding: a misgrouped amount is explained under its field; "3,000" and "＄1,200" read as money', async () => {
  const { page, context, problems } = await openTool(browser, server.url, 'funding', 'zh-CN', { viewport: { width: 375, height: 900 } });
  // The fixtures type 3,000 ＵＳＤ, ＄1,200 usd, 150 USD: one currency, one rate field.
  assert.equal(await page.locator('.f-rates input').count(), 1);
  // total = (3000 + 1200 + 150) × 7.1234 + 2000 + 600 + 8500 + 1100 + 5000
  //       = 4350 × 7.1234 (21370.20 + 8548.08 + 1068.51 = 30986.79, each line to the fen) + 17200 = 48186.79
  assert.equal(await page.getByTestId('f-total').textContent(), '48,186.79 元');
  const amount2 = page.getByLabel('金额 2', { exact: true });
  await amount2.fill('20,00');
  assert.equal(await fieldError(amount2), '第 2 行 金额：“20,00”不是数字，请填数字，例如 3,000');
  assert.equal(await page.getByTestId('f-total').textContent(), '46,186.79 元'); // without the 2000 of row 2
  assert.deepEqual(problems, []);
  await context.close();
});

test('a policy without a grade table: the grades tab says so calmly, without marking the input', async () => {
  const { page, context, problems } = await openTool(browser, server.url, 'funding', 'zh-CN');
  await page.getByRole('tab', { name: '成绩与绩点' }).click();
  const input = page.getByLabel('外方成绩（字母等级或百分制分数）');
  assert.equal(await input.inputValue(), 'Ａ－');
  assert.equal(await input.getAttribute('aria-invalid'), null);
  assert.match(await page.locator('.panel[data-panel=grades] .result').textContent(), /所选政策没有成绩换算表/);
  assert.equal(await page.locator('.panel[data-panel=grades] [role=alert]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
