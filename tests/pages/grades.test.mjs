// The grades tool used as a person would: type, read, switch language, reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, fieldError, tempFile } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('converting Ｂ＋ shows 3.3 / 88 with its clause', async () => {
  const { page, problems, foreign, context } = await openPage(browser, server.url);
  await page.getByLabel('外方成绩（字母等级或百分制分数）').fill('Ｂ＋');
  const result = page.getByTestId('single-result');
  await assert.doesNotReject(result.waitFor());
  const text = await result.textContent();
  assert.match(text, /绩点 3\.3/);
  assert.match(text, /百分制 88/);
  // The clause opens the quoted regulation text.
  await page.getByRole('button', { name: 'XYU-12.7(2)' }).click();
  const dialog = page.getByRole('dialog', { name: '条款 XYU-12.7(2)' });
  assert.match(await dialog.textContent(), /A\+ 4\.0\/98/);
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('transcript A(3), B+(2), F(1) shows GPA 2.95 and average 86, and survives a reload', async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  const rows = [['Calculus', '3', 'A'], ['Physics', '2', 'B+'], ['Writing', '1', 'F']];
  for (const [i, [name, credits, grade]] of rows.entries()) {
    if (i > 0) await page.getByRole('button', { name: '+ 添加一行' }).first().click();
    await page.getByLabel(`课程 ${i + 1}`, { exact: true }).first().fill(name);
    await page.getByLabel(`学分 ${i + 1}`, { exact: true }).first().fill(credits);
    await page.getByLabel(`成绩 ${i + 1}`, { exact: true }).fill(grade);
  }
  assert.equal(await page.getByTestId('gpa').textContent(), '2.95');
  assert.equal(await page.getByTestId('average').textContent(), '86.00');
  // F is listed for retake under XYU-12.8.
  assert.match(await page.locator('.panel[data-panel=grades] .finding.fail').textContent(), /Writing.*XYU-12\.8/s);

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getByLabel('成绩 3', { exact: true }).inputValue(), 'F');
  assert.equal(await page.getByTestId('gpa').textContent(), '2.95');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad grade marks its field and the page keeps working', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByLabel('学分 1', { exact: true }).first().fill('2');
  await page.getByLabel('成绩 1', { exact: true }).fill('Q');
  const grade = page.getByLabel('成绩 1', { exact: true });
  assert.equal(await grade.getAttribute('aria-invalid'), 'true');
  assert.match(await fieldError(grade), /^第 1 行 成绩：无法识别成绩“Q”/);
  await grade.fill('a-');
  assert.equal(await page.getByTestId('gpa').textContent(), '3.50');
  assert.equal(await grade.getAttribute('aria-invalid'), null);
  await context.close();
});

test('English switch follows through to lang and messages', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByLabel('Partner grade (letter or percentage score)').fill('zz');
  const single = page.getByLabel('Partner grade (letter or percentage score)');
  assert.equal(await single.getAttribute('aria-invalid'), 'true');
  assert.match(await fieldError(single), /^"zz" is not a grade/);
  await page.getByRole('button', { name: '中文' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await context.close();
});

test('transcript import: Chinese headers, a bad line reported by its number, a wrong separator explained', async () => {
  const csv = (text) => tempFile('t.csv', text);
  const { page, context, problems } = await openPage(browser, server.url);
  const input = page.locator('.panel[data-panel=grades] input[type=file]');
  await input.setInputFiles(csv('\uFEFF课程,学分,成绩\r\n高等数学,3,A\r\n大学物理,2\r\n"写作, 英文",1,B+\r\n'));
  // Line 3 has 2 fields where the header has 3: left out, and said so.
  await page.getByText('已导入 2 门课程。 第 3 行未导入：这一行有 2 列，表头有 3 列').waitFor();
  assert.equal(await page.getByLabel('课程 2', { exact: true }).first().inputValue(), '写作, 英文');
  // (3×3.7 + 1×3.3) / 4 = 14.4 / 4 = 3.6
  assert.equal(await page.getByTestId('gpa').textContent(), '3.60');
  await input.setInputFiles(csv('课程，学分，成绩\n高等数学，3，A\n'));
  await page.getByText(/未能导入：这个文件用中文逗号或制表符分隔；请用英文逗号“,”分隔/).waitFor();
  // Nothing replaced: the two courses are still there.
  assert.equal(await page.getByTestId('gpa').textContent(), '3.60');
  assert.deepEqual(problems, []);
  await context.close();
});
