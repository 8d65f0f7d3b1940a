// The app as a whole: user text stays text, saved data survives and is never lost, it is
// accessible in both languages, fits a phone, works by keyboard, and prints on one page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, openPage, chosenPolicy, axeViolations, tempFile } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const tabs = (page) => page.locator('[role=tab]');

const csvFile = (text) => tempFile('transcript.csv', text);

test('a CSV course name with markup is rendered as text, never as HTML', async () => {
  const { page, context, problems, foreign } = await openPage(browser, server.url);
  await page.exposeFunction('xssFired', () => problems.push('xss fired'));
  const evil = '<img src=x onerror=xssFired()>';
  const file = csvFile(`course,credits,grade\n"${evil}",3,F\nPhysics,2,B+\n`);
  await page.locator('.panel[data-panel=grades] input[type=file]').setInputFiles(file);
  await page.getByText('已导入 2 门课程。').waitFor();
  assert.equal(await page.getByLabel('课程 1', { exact: true }).first().inputValue(), evil);
  // The failed course's finding quotes the name — as text.
  assert.match(await page.locator('.panel[data-panel=grades] .finding.fail').textContent(), /<img src=x onerror=xssFired\(\)>/);
  assert.equal(await page.locator('img').count(), 0);
  // (3×0 + 2×3.3)/5 = 6.6/5 = 1.32
  assert.equal(await page.getByTestId('gpa').textContent(), '1.32');
  // Export: the results CSV carries the name as a quoted cell.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出结果 CSV' }).click()]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.match(text, /^\uFEFF课程,学分,成绩,绩点,百分制,条款\r\n<img src=x onerror=xssFired\(\)>,3,F,0,55,XYU-12\.7\(2\)\r\n/);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('corrupt saved data is reported and set aside; the page works; clear my data clears', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) { localStorage.setItem('exchange-calc:v1', '{"tools": {"grades": '); sessionStorage.setItem('seeded', '1'); }
  });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  // Said in words; the internal storage key is not shown.
  const notice = await page.locator('.xc-main > .notice[role=status]').textContent();
  assert.equal(notice, '之前保存的数据无法读取，已在本设备上另存一份副本，并重新开始。');
  const aside = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes(':corrupt:')));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside), '{"tools": {"grades": ');
  await page.getByLabel('外方成绩（字母等级或百分制分数）').fill('A');
  assert.match(await page.getByTestId('single-result').textContent(), /绩点 3\.7/);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '清除我的数据' }).click();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('exchange-calc')).length), 0);
  assert.equal(await page.getByLabel('外方成绩（字母等级或百分制分数）').inputValue(), '');
  await context.close();
});

test('export and import the whole state as a JSON file', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByLabel('外方成绩（字母等级或百分制分数）').fill('C+');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出数据（JSON）' }).click()]);
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.app, 'exchange-calc');
  assert.equal(saved.state.tools.grades.single, 'C+');
  await page.getByLabel('外方成绩（字母等级或百分制分数）').fill('');
  await page.locator('input[type=file][accept*=json]').setInputFiles(await download.path());
  await page.getByText('已导入数据。').waitFor();
  assert.equal(await page.getByLabel('外方成绩（字母等级或百分制分数）').inputValue(), 'C+');
  // A file that is not an export changes nothing.
  await page.locator('input[type=file][accept*=json]').setInputFiles(csvFile('not json'));
  await page.getByText(/导入失败/).waitFor();
  assert.equal(await page.getByLabel('外方成绩（字母等级或百分制分数）').inputValue(), 'C+');
  await context.close();
});

for (const lang of ['zh-CN', 'en']) {
  test(`axe-core: no violations at all on any tool (${lang})`, async () => {
    // bypassCSP only so the test can inject axe; the app itself runs under the strict CSP.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    const n = await tabs(page).count();
    for (let i = 0; i < n; i++) {
      await tabs(page).nth(i).click();
      const tool = await tabs(page).nth(i).getAttribute('data-tool');
      assert.deepEqual(await axeViolations(page), [], `${tool} (${lang})`);
    }
    await context.close();
  });
}

test('375 px wide: no horizontal scroll on any tool', async () => {
  const { page, context } = await openPage(browser, server.url, { viewport: { width: 375, height: 740 } });
  const n = await tabs(page).count();
  for (let i = 0; i < n; i++) {
    await tabs(page).nth(i).click();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `${await tabs(page).nth(i).getAttribute('data-tool')}: scrollWidth ${width}`);
  }
  await context.close();
});

test('the skip link skips the title, the policy and the tabs; the tabs are in a landmark', async () => {
  const { page, context } = await openPage(browser, server.url, { viewport: { width: 375, height: 740 } });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.keyboard.press('Tab');
  // The first control of the tool, past everything above it.
  assert.equal(await page.evaluate(() => document.activeElement.closest('main')?.id), 'main');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('grade-input')), true);
  assert.equal(await page.locator('nav [role=tablist]').count(), 1);
  await context.close();
});

test('keyboard only: convert a grade and fill a transcript row without a mouse', async () => {
  const { page, context } = await openPage(browser, server.url);
  // Skip link first, then the app's own controls.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.getByRole('tab').first().focus();
  await page.keyboard.press('Tab'); // into the panel: the grade input
  await page.keyboard.type('ｂ＋');
  assert.match(await page.getByTestId('single-result').textContent(), /绩点 3\.3，百分制 88/);
  await page.keyboard.press('Tab'); // the clause button
  await page.keyboard.press('Enter');
  assert.ok(await page.getByRole('dialog').isVisible());
  await page.keyboard.press('Escape');
  await page.getByLabel('课程 1', { exact: true }).first().focus();
  await page.keyboard.type('Calculus');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4');
  await page.keyboard.press('Tab');
  await page.keyboard.type('A-');
  assert.equal(await page.getByTestId('gpa').textContent(), '3.50');
  await context.close();
});

test('a 12-course transcript prints on one page', async () => {
  const { page, context } = await openPage(browser, server.url);
  const grades = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'F'];
  const lines = grades.map((g, i) => `Course ${i + 1} with a reasonably long name,3,${g}`);
  await page.locator('.panel[data-panel=grades] input[type=file]').setInputFiles(csvFile(`course,credits,grade\n${lines.join('\n')}\n`));
  await page.getByText('已导入 12 门课程。').waitFor();
  // Σ grade points = 4.0+3.7+3.5+3.3+3.0+2.7+2.3+2.0+1.7+1.3+1.0+0 = 28.5; ×3 / 36 = 2.375 → 2.38
  assert.equal(await page.getByTestId('gpa').textContent(), '2.38');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, `the PDF has ${pages} pages`);
  await context.close();
});

test('a tool whose rules the chosen policy lacks says so first and offers the preset that has them', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('tab', { name: '经费分担' }).click();
  const panel = page.locator('.panel[data-panel=funding]');
  // xinyu-2022 has no funding rules (they are LX-5 of the GDUT plan).
  assert.match(await panel.locator('.switch-notice').textContent(), /所选政策没有这部分规定。/);
  await panel.getByRole('button', { name: /切换到：广东工业大学/ }).click();
  assert.equal(await chosenPolicy(page), 'gdut-lixing-2026');
  assert.equal(await page.locator('.panel[data-panel=funding] .switch-notice').count(), 0);
  assert.equal(await page.getByRole('tab', { name: '经费分担' }).getAttribute('aria-selected'), 'true');
  // And the grades tool now points back to the Xinyu rules.
  assert.match(await page.locator('.panel[data-panel=grades] .switch-notice').textContent(), /切换到：新余学院/);
  await context.close();
});
