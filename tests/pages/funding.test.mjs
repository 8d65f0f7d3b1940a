// The funding tool used as a student would: choose the Lixing plan, type the costs, read who
// pays what. Expected values are worked out by hand from LX-5 (arithmetic in the comments).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, choosePolicy, fieldError } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const text = async (loc) => (await loc.textContent()).replace(/\s+/g, ' ').trim();
/** A result line's cells: item, amount, note, clause. */
const cells = async (loc) => (await loc.locator('td').allTextContents()).map((s) => s.trim());

/** Opens the app on the Lixing plan (funding is LX-5) and the funding tab. */
async function openFunding(options) {
  const opened = await openPage(browser, server.url, options);
  const { page } = opened;
  await choosePolicy(page, 'gdut-lixing-2026');
  await page.getByRole('tab', { name: '经费分担' }).click();
  return opened;
}

// The eight rows start with the eight LX-5.1 items in this order, amounts blank.
const costs = [
  ['tuition', '20000'], ['management', '3000'], ['accommodation', '15000'], ['insurance', '800'],
  ['airfare', '9000'], ['visa', '1000'], ['localTransport', '600'], ['personal', '2000'],
];

async function fillCosts(page, label = '金额') {
  for (const [i, [item, amount]] of costs.entries()) {
    assert.equal(await page.locator('.f-costs select').nth(i).inputValue(), item);
    await page.getByLabel(`${label} ${i + 1}`, { exact: true }).fill(amount);
  }
}

test('eight costs with a ticket above economy: school 38800, college 6500, student 6100', async () => {
  const { page, problems, foreign, context } = await openFunding();
  await fillCosts(page);
  await page.getByLabel('经济舱往返票价（选填）').fill('6500');
  // By hand:
  //   total   = 20000 + 3000 + 15000 + 800 + 9000 + 1000 + 600 + 2000 = 51400
  //             (the brief said 57400; the sum of its own numbers is 51400)
  //   school  (LX-5.1.1) = tuition 20000 + management 3000 + board 15000 + insurance 800 = 38800
  //   college (LX-5.1.2) = the ticket up to the economy fare: min(9000, 6500) = 6500
  //   student (LX-5.1.3) = the ticket above economy 9000 − 6500 = 2500, + visa 1000
  //                        + local transport 600 + personal 2000 = 6100
  //   check: 38800 + 6500 + 6100 = 51400
  assert.equal(await page.getByTestId('f-total').textContent(), '51,400.00 元');
  assert.equal(await page.getByTestId('f-school').textContent(), '38,800.00 元');
  assert.equal(await page.getByTestId('f-college').textContent(), '6,500.00 元');
  assert.equal(await page.getByTestId('f-student').textContent(), '6,100.00 元');
  assert.equal(await page.getByTestId('f-sub-student').textContent(), '6,100.00');

  // The airfare is split in two lines, both under LX-5.1.2; the student's part says why.
  const air = page.locator('[data-testid="f-lines"] tr[data-cost="4"]');
  assert.equal(await air.count(), 2);
  assert.deepEqual(await cells(page.locator('tbody[data-payer="college"] tr[data-cost="4"]')), ['5. 国际往返机票', '6,500.00', '', 'LX-5.1.2']);
  assert.deepEqual(await cells(page.locator('tbody[data-payer="student"] tr[data-cost="4"]')), ['5. 国际往返机票', '2,500.00', '超出经济舱标准 6,500.00 元的部分由个人承担', 'LX-5.1.2']);
  assert.deepEqual(await cells(page.locator('tbody[data-payer="student"] tr[data-cost="5"]')), ['6. 签证费', '1,000.00', '', 'LX-5.1.3']);

  // Findings: the ticket above economy fails LX-5.1.2 and says what to do; the cap and the ratio
  // are left to the year's notice (LX-5.2) → review, not a guessed number.
  const findings = page.locator('.panel[data-panel=funding] .finding');
  assert.match(await text(findings.filter({ hasText: 'LX-5.1.2' })), /^不符合 机票超过经济舱标准 6,500\.00 元.*按经济舱购票可全额资助/);
  const review = findings.filter({ hasText: 'LX-5.2' });
  assert.equal(await review.count(), 2);
  for (const f of await review.all()) {
    assert.match(await f.getAttribute('class'), /review/);
    assert.match(await text(f), /^待审核 .*由当年项目实施通知确定/);
  }
  assert.match(await page.getByTestId('f-params').textContent(), /每生资助上限 由当年通知确定（待审核）；学校分担比例 由当年通知确定（待审核）/);

  // The chart: a stacked bar with the three shares as its text equivalent.
  // 38800/51400 = 75.49 % → 75.5 %; 6500/51400 = 12.65 % → 12.6 %; 6100/51400 = 11.87 % → 11.9 %.
  const chart = page.locator('svg.f-stack[role="img"]');
  assert.equal(await chart.getAttribute('aria-label'), '分担比例：学校 38,800.00 元（75.5%），学院 6,500.00 元（12.6%），个人 6,100.00 元（11.9%）');
  assert.equal(await chart.locator('rect.f-bar').count(), 3);

  // Reimbursement checklist (LX-5.3.2/5.3.3) and the LX-5.4 conditions, as lists.
  // Eight LX-5.3.2/5.3.3 steps plus LX-2.2's and LX-6.4's sharing of results (issue 16).
  const steps = page.locator('ol.f-list li');
  assert.equal(await steps.count(), 10);
  assert.match(await text(steps.first()), /由学生自行垫付.*LX-5\.3\.2/);
  assert.match(await text(steps.last()), /同步发放至学生账户.*LX-5\.3\.3/);
  // LX-5.4 (1)–(5) and LX-2.2 (issue 16).
  const conditions = page.locator('ul.f-list li');
  assert.equal(await conditions.count(), 6);
  assert.match(await text(conditions.nth(3)), /（4）虚报费用.*LX-5\.4/);

  // A clause button opens the quoted regulation.
  await page.locator('tbody[data-payer="college"]').getByRole('button', { name: 'LX-5.1.2' }).click();
  const dialog = page.getByRole('dialog', { name: '条款 LX-5.1.2' });
  assert.match(await dialog.textContent(), /经济舱/);
  await page.keyboard.press('Escape');

  // Autosaved: the same numbers after a reload.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getByLabel('金额 5', { exact: true }).inputValue(), '9000');
  assert.equal(await page.getByTestId('f-total').textContent(), '51,400.00 元');

  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('a USD cost: a rate field appears, and 100 × 7.1234 = 712.34 goes to the school', async () => {
  const { page, problems, context } = await openFunding();
  await fillCosts(page);
  await page.getByLabel('经济舱往返票价（选填）').fill('6500');
  assert.match(await page.locator('.f-rates').textContent(), /无需汇率/);
  await page.getByRole('button', { name: '+ 添加一行' }).click();
  // A new row is tuition (LX-5.1.1, the school's).
  assert.equal(await page.getByLabel('费用项目 9', { exact: true }).inputValue(), 'tuition');
  await page.getByLabel('金额 9', { exact: true }).fill('100');
  await page.getByLabel('币种 9', { exact: true }).fill('usd');
  // No rate yet: that row is left out and marked (its currency, and the empty rate field, say
  // what to do); the other eight rows' results stay.
  const rate = page.getByLabel('1 USD 折合人民币（元）');
  assert.equal(await rate.inputValue(), '');
  const currency9 = page.getByLabel('币种 9', { exact: true });
  assert.equal(await currency9.getAttribute('aria-invalid'), 'true');
  assert.equal(await fieldError(currency9), '第 9 行 币种：没有 USD 的汇率：请在“汇率”中填写 1 USD 折合多少元');
  assert.equal(await rate.getAttribute('aria-invalid'), 'true');
  assert.equal(await fieldError(rate), '请填写 1 USD 折合多少元');
  assert.equal(await page.getByTestId('f-total').textContent(), '51,400.00 元');
  assert.match(await page.locator('.panel[data-panel=funding] .bad-note').textContent(), /1 行有误，未计入结果/);

  await rate.fill('7.1234');
  // 100 × 7.1234 = 712.34 CNY; school 38800 + 712.34 = 39512.34; total 51400 + 712.34 = 52112.34.
  assert.deepEqual(await cells(page.locator('tbody[data-payer="school"] tr[data-cost="8"]')), ['9. 学费（外方课程费）', '712.34', '100 USD × 7.1234', 'LX-5.1.1']);
  assert.equal(await page.getByTestId('f-school').textContent(), '39,512.34 元');
  assert.equal(await page.getByTestId('f-total').textContent(), '52,112.34 元');
  assert.equal(await rate.getAttribute('aria-invalid'), null);

  // A rate that is not a number marks the rate field, in plain words; the USD row waits for
  // it and the rest stays.
  await rate.fill('7,1');
  assert.equal(await rate.getAttribute('aria-invalid'), 'true');
  assert.equal(await fieldError(rate), '“7,1”不是数字，请填数字，例如 7.1');
  assert.equal(await page.getByTestId('f-total').textContent(), '51,400.00 元');
  await rate.fill('7.1234');
  assert.equal(await page.getByTestId('f-total').textContent(), '52,112.34 元');
  assert.deepEqual(problems, []);
  await context.close();
});

test('already funded by CSC: no school or college funding (LX-5.3.1)', async () => {
  const { page, problems, context } = await openFunding();
  await fillCosts(page);
  await page.getByLabel('经济舱往返票价（选填）').fill('6500');
  await page.getByLabel('已获国家留学基金（CSC）或其他同类资助').check();
  // Uniqueness: school 0, college 0; the student pays all of 51400.
  assert.equal(await page.getByTestId('f-school').textContent(), '0.00 元');
  assert.equal(await page.getByTestId('f-college').textContent(), '0.00 元');
  assert.equal(await page.getByTestId('f-student').textContent(), '51,400.00 元');
  assert.match(await page.getByTestId('f-not-fundable').textContent(), /不予资助/);
  const f = page.locator('.panel[data-panel=funding] .finding', { hasText: 'LX-5.3.1' });
  assert.match(await f.getAttribute('class'), /fail/);
  assert.match(await text(f), /^不符合 已享受国家留学基金等同类资助：学校和学院不再资助，全部费用由个人承担/);
  // Each formerly funded line says why it is now the student's.
  assert.deepEqual(await cells(page.locator('tbody[data-payer="student"] tr[data-cost="0"]')), ['1. 学费（外方课程费）', '20,000.00', '已享受本计划或国家留学基金等同类资助，不再资助', 'LX-5.3.1']);
  await page.getByLabel('已获国家留学基金（CSC）或其他同类资助').uncheck();
  assert.equal(await page.getByTestId('f-school').textContent(), '38,800.00 元');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a negative amount marks its own field and the page keeps working', async () => {
  const { page, problems, context } = await openFunding();
  // Only row 3 is filled, so the API sees it as costs[0]: the mark must land on row 3.
  const amount3 = page.getByLabel('金额 3', { exact: true });
  await amount3.fill('-15000');
  assert.equal(await amount3.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('金额 1', { exact: true }).getAttribute('aria-invalid'), null);
  assert.equal(await fieldError(amount3), '第 3 行 金额：-15000 应不小于 0');
  await amount3.fill('15000');
  assert.equal(await amount3.getAttribute('aria-invalid'), null);
  assert.equal(await page.getByTestId('f-school').textContent(), '15,000.00 元');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the xinyu policy has no funding rule: its message stands in for the results', async () => {
  const { page, problems, foreign, context } = await openPage(browser, server.url);
  await page.getByRole('tab', { name: '经费分担' }).click();
  await page.getByLabel('金额 1', { exact: true }).fill('20000');
  // Said calmly: not a mistake in the input (no alert, no path).
  assert.equal(await page.getByTestId('f-error').textContent(), '所选政策没有规定经费分担（LX-5）');
  assert.equal(await page.getByTestId('f-error').getAttribute('role'), 'status');
  assert.equal(await page.getByTestId('f-lines').count(), 0);
  assert.equal(await page.locator('ol.f-list').isVisible(), false);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('English: labels, items, results and messages follow, and lang is en', async () => {
  const { page, problems, context } = await openFunding();
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('tab', { name: 'Funding' }).click();
  assert.equal(await page.locator('.f-costs select').first().locator('option:checked').textContent(), 'Tuition (partner course fees)');
  await fillCosts(page, 'Amount');
  await page.getByLabel('Economy round-trip fare (optional)').fill('6500');
  assert.equal(await page.getByTestId('f-total').textContent(), '51,400.00 CNY');
  assert.equal(await page.getByTestId('f-student').textContent(), '6,100.00 CNY');
  assert.match(await text(page.locator('.panel[data-panel=funding] .finding', { hasText: 'LX-5.1.2' })), /^Not met The airfare is above the economy fare of 6,500\.00 CNY/);
  assert.match(await text(page.locator('ol.f-list li').first()), /Pay the programme costs yourself first/);
  await page.getByLabel('Amount 2', { exact: true }).fill('x');
  assert.equal(await page.getByLabel('Amount 2', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await fieldError(page.getByLabel('Amount 2', { exact: true })), 'Row 2, Amount: "x" is not a number; enter a number, e.g. 3,000');
  // The other seven rows still count: 51400 − 3000 = 48400.
  assert.equal(await page.getByTestId('f-total').textContent(), '48,400.00 CNY');
  await page.getByLabel('Amount 2', { exact: true }).fill('3000');
  assert.equal(await page.getByTestId('f-total').textContent(), '51,400.00 CNY');
  await choosePolicy(page, 'xinyu-2022');
  await page.getByRole('tab', { name: 'Funding' }).click();
  assert.match(await page.getByTestId('f-error').textContent(), /the chosen policy has no rule for funding shares \(LX-5\)/);
  assert.deepEqual(problems, []);
  await context.close();
});
