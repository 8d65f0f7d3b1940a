// The form demo (a university's own <form> with attachForm) used with the KEYBOARD ONLY:
// Tab to move, typing, Space for checkboxes, Enter to submit. Plus axe-core on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, axeViolations } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// en-US: the date inputs take month, day, year as typed digits (their segments advance on their own).
const open = (options = {}) => openPage(browser, `${server.url}/form-demo.html`, { locale: 'en-US', ...options });

/** Presses Tab until the control named `name` (or the submit button) has focus. */
async function tabTo(page, name) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement.getAttribute('name') ?? document.activeElement.getAttribute('type'));
    if (at === name) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** Tabs to a text field, selects what is there and types over it. */
async function typeInto(page, name, text) {
  await tabTo(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** What a screen reader hears as the control's description, and its validity. */
const state = (page, name) => page.evaluate((n) => {
  const el = document.querySelector(`[name="${n}"]`);
  const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  return {
    invalid: el.getAttribute('aria-invalid'), valid: el.validity.valid,
    description: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
  };
}, name);

test('invalid email, phone, IELTS and dates: the submit is blocked, focus goes to the first, every message is tied to its input; fixed, it would submit', async () => {
  const { page, problems, foreign, context } = await open();
  const url = page.url();
  await typeInto(page, 'name', '张三');
  await typeInto(page, 'studentId', '3120001234');
  await typeInto(page, 'college', '计算机学院');
  await typeInto(page, 'major', '软件工程');
  await tabTo(page, 'yearOfStudy');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // 二年级
  await typeInto(page, 'email', 'zhangsan@mail'); // no dot in the domain
  await typeInto(page, 'phone', '12345678901'); // 11 digits, but mainland mobiles start 13–19
  await tabTo(page, 'track');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // 领航者研学计划
  await typeInto(page, 'partner', 'University of Example');
  await tabTo(page, 'start');
  await page.keyboard.type('09012026'); // 2026-09-01
  await tabTo(page, 'end');
  await page.keyboard.type('07012026'); // 2026-07-01: before the start
  await typeInto(page, 'gpa', '3.6');
  await typeInto(page, 'ielts', '6.3'); // not a multiple of 0.5
  await tabTo(page, 'otherFunding');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('[name=yearOfStudy]').inputValue(), '2');
  assert.equal(await page.locator('[name=track]').inputValue(), 'navigator-research');
  assert.equal(await page.locator('[name=start]').inputValue(), '2026-09-01');
  assert.equal(await page.locator('[name=otherFunding]').isChecked(), true);

  // Enter in a text field submits the form (implicit submission).
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'toefl');
  await page.keyboard.press('Enter');
  assert.equal(page.url(), url, 'nothing was submitted');
  assert.equal(await page.locator('#sent').textContent(), '');
  // Focus moved to the first invalid input in document order: email.
  assert.equal(await page.evaluate(() => document.activeElement.name), 'email');
  const expected = {
    email: /电子邮箱：“zhangsan@mail”格式不对，应为name@example\.com 这样的邮箱地址/,
    phone: /手机号码：“12345678901”格式不对，应为中国大陆手机号/,
    end: /结束日期：应晚于 2026-09-01/,
    ielts: /雅思成绩：6\.3 不是 0\.5 的整数倍/,
  };
  for (const [name, message] of Object.entries(expected)) {
    const s = await state(page, name);
    assert.equal(s.invalid, 'true', name);
    assert.equal(s.valid, false, name);
    assert.match(s.description, message, name);
  }
  // The rest are fine; the hint stays in the phone's description next to the message.
  for (const name of ['name', 'studentId', 'college', 'major', 'yearOfStudy', 'passport', 'track', 'partner', 'start', 'gpa', 'toefl', 'priorLixingFunding']) {
    const s = await state(page, name);
    assert.deepEqual([s.invalid, s.valid], ['false', true], name);
  }
  assert.match((await state(page, 'phone')).description, /中国大陆手机号，11 位。/);
  // CSC funding is a warning (LX-5.3.1), shown but never blocking.
  const csc = await state(page, 'otherFunding');
  assert.deepEqual([csc.invalid, csc.valid], ['false', true]);
  assert.match(csc.description, /^已获国家留学基金等同类资助：已享受同类资助的不再重复资助，本次不能获得学校和学院资助（仍可申请）（LX-5.3.1）。$/);

  // Fix each one, by keyboard, starting where the focus already is (email).
  await page.keyboard.press('Control+A');
  await page.keyboard.type('zhangsan@mail.gdut.edu.cn');
  await typeInto(page, 'phone', '+86 138 1234 5678');
  await tabTo(page, 'end');
  await page.keyboard.type('01152027'); // 2027-01-15
  await typeInto(page, 'ielts', '6.5');
  for (const name of Object.keys(expected)) {
    const s = await state(page, name);
    assert.deepEqual([s.invalid, s.valid], ['false', true], name);
    assert.doesNotMatch(s.description, expected[name], name);
  }
  // Enter on the submit button: valid, so the demo shows what it would send.
  await tabTo(page, 'submit');
  await page.keyboard.press('Enter');
  assert.match(await page.locator('#sent').textContent(), /填写无误。这是演示页面，不会真正提交/);
  const sent = JSON.parse(await page.locator('#sent-data').textContent());
  // The validator's normalized phone (+86 and spaces removed) replaces what was typed.
  assert.equal(sent.phone, '13812345678');
  assert.equal(sent.end, '2027-01-15');
  assert.equal(sent.otherFunding, 'on');
  assert.equal(page.url(), url);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('an empty form: submit by keyboard blocks on the first required field', async () => {
  const { page, problems, context } = await open();
  await tabTo(page, 'submit');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'name');
  const s = await state(page, 'name');
  assert.equal(s.invalid, 'true');
  assert.match(s.description, /姓名/);
  assert.equal(await page.locator('#sent').textContent(), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core: no serious or critical violations, before and after a blocked submit', async () => {
  // axe is injected as a script; the page's CSP (rightly) forbids that, so only this context
  // bypasses it. The page under test is otherwise unchanged.
  const { page, problems, context } = await open({ bypassCSP: true });
  const run = async () => {
    return (await axeViolations(page)).filter((v) => / \((serious|critical)\): /.test(v));
  };
  assert.deepEqual(await run(), []);
  await typeInto(page, 'name', '张三');
  await typeInto(page, 'email', 'x');
  await tabTo(page, 'submit');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'studentId');
  assert.deepEqual(await run(), []);
  assert.deepEqual(problems, []);
  await context.close();
});
