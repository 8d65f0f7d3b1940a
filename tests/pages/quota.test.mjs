// The quota tool used as a program office would: paste the colleges, choose a method, read the
// places, export a CSV. Expected places are worked out by hand (LX-4.2.1; SPEC §7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, choosePolicy, fieldError } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PASTE = '机械学院, 41\n计算机学院\t20\n外语学院，12';

async function openQuota(policy) {
  const opened = await openPage(browser, server.url);
  if (policy) await choosePolicy(opened.page, policy);
  await opened.page.getByRole('tab', { name: '名额分配（项目办）' }).click();
  return opened;
}

/** Each college row's outputs, by column label. */
async function outputs(page, labels) {
  const rows = page.locator('.q-table tbody tr');
  const out = [];
  for (const row of await rows.all()) {
    out.push(await Promise.all(labels.map(async (l) => (await row.locator(`td[data-label="${l}"] output`).textContent()).trim())));
  }
  return out;
}

async function download(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { file: dl.suggestedFilename(), body: await fs.readFile(await dl.path(), 'utf8') };
}

test('9 places by largest remainder, then D\'Hondt; CSV export', async () => {
  const { page, problems, foreign, context } = await openQuota('gdut-lixing-2026');
  await page.getByLabel('总名额').fill('9');
  assert.equal(await page.getByLabel('分配方法').inputValue(), 'largestRemainder');
  // Comma, tab and Chinese comma separated lines; they replace the blank starting row.
  await page.getByLabel(/粘贴多行/).fill(PASTE);
  await page.getByRole('button', { name: '添加粘贴的行' }).click();
  assert.equal(await page.locator('.q-table tbody tr').count(), 3);
  assert.equal(await page.getByLabel('学院 2', { exact: true }).inputValue(), '计算机学院');
  assert.equal(await page.getByLabel('学生人数 3', { exact: true }).inputValue(), '12');

  // By hand: 41 + 20 + 12 = 73 students.
  //   机械   41 × 9 / 73 = 369/73 = 5 + 4/73  = 5.0548
  //   计算机 20 × 9 / 73 = 180/73 = 2 + 34/73 = 2.4658
  //   外语   12 × 9 / 73 = 108/73 = 1 + 35/73 = 1.4795
  // Floors 5 + 2 + 1 = 8; one place left, to the largest remainder: 35/73 (外语) > 34/73 > 4/73.
  // → 5, 2, 2.
  assert.deepEqual(await outputs(page, ['名额', '精确份额', '余数']), [
    ['5', '5.05 (369/73)', '0.0548'],
    ['2', '2.47 (180/73)', '0.4658'],
    ['2', '1.48 (108/73)', '0.4795'],
  ]);
  assert.match(await page.getByTestId('q-check').textContent(), /名额合计 9，总名额 9 — 一致/);

  // The clause opens the quoted text of LX-4.2.1.
  await page.getByRole('button', { name: 'LX-4.2.1' }).click();
  assert.match(await page.getByRole('dialog', { name: '条款 LX-4.2.1' }).textContent(), /中心根据各学院招收国际联合培养项目学生人数/);
  await page.keyboard.press('Escape');

  // CSV: header, exact shares and fractions, remainders, a total line and the method.
  const lr = await download(page, '导出 CSV');
  assert.equal(lr.file, 'quota.csv');
  const lines = lr.body.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], '学院,学生人数,名额,精确份额,份额（分数）,余数');
  // 4/73 = 0.05479452 05479452 … (period 8), 34/73 = 0.46575342 46575342 …, 35/73 = 0.47945205 47945205 …
  assert.match(lines[1], /^机械学院,41,5,5\.0547945205479452\d+,369\/73,0\.0547945205479452\d+$/);
  assert.match(lines[2], /^计算机学院,20,2,2\.4657534246575342\d+,180\/73,0\.4657534246575342\d+$/);
  assert.match(lines[3], /^外语学院,12,2,1\.4794520547945205\d+,108\/73,0\.4794520547945205\d+$/);
  assert.equal(lines[4], '合计,73,9');
  assert.equal(lines[5], '方法,最大余额法（默认）');

  // D'Hondt: divide by 1, 2, 3 … and give the 9 places to the 9 largest quotients.
  //   机械   41, 20.5, 13.67, 10.25, 8.2, 6.83, 5.86 …
  //   计算机 20, 10, 6.67, 5 …
  //   外语   12, 6, 4 …
  // Largest nine: 41, 20.5, 20, 13.67, 12, 10.25, 10, 8.2, 6.83 (next would be 6.67, then 6)
  // → 机械 6 (41, 20.5, 13.67, 10.25, 8.2, 6.83), 计算机 2 (20, 10), 外语 1 (12).
  await page.getByLabel('分配方法').selectOption('dhondt');
  assert.deepEqual(await outputs(page, ['名额', '精确份额']), [['6', '5.05 (369/73)'], ['2', '2.47 (180/73)'], ['1', '1.48 (108/73)']]);
  assert.equal(await page.locator('.q-table td[data-label="余数"]').count(), 0);
  assert.match(await page.getByTestId('q-check').textContent(), /名额合计 9，总名额 9/);
  const dh = await download(page, '导出 CSV');
  assert.equal(dh.body.replace(/^\uFEFF/, '').split('\r\n')[0], '学院,学生人数,名额,精确份额,份额（分数）');
  assert.match(dh.body, /\r\n方法,最高平均数法（D’Hondt）\r\n$/);

  // A minimum of 2 each: 3 × 2 = 6 first, the other 3 in proportion (largest remainder):
  //   41 × 3 / 73 = 1.685, 20 × 3 / 73 = 0.822, 12 × 3 / 73 = 0.493 → floors 1, 0, 0 = 1; two left
  //   to .822 and .685 → 1 + 1 = 2, 0 + 1 = 1, 0 → 机械 4, 计算机 3, 外语 2.
  await page.getByLabel('分配方法').selectOption('largestRemainder');
  await page.getByLabel('每个学院至少（选填）').fill('2');
  assert.deepEqual((await outputs(page, ['名额'])).flat(), ['4', '3', '2']);

  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('CSV cells are quoted and formula-looking names are defused', async () => {
  const { page, problems, context } = await openQuota();
  await page.getByLabel('总名额').fill('4');
  await page.getByLabel(/粘贴多行/).fill('=HYPERLINK("http://x"), 1\n"Arts", Music, 1\n+1, 1\n@x, 0\n-y\t1');
  await page.getByRole('button', { name: '添加粘贴的行' }).click();
  // Names split at the last separator: '"Arts", Music' keeps its comma.
  assert.equal(await page.getByLabel('学院 2', { exact: true }).inputValue(), '"Arts", Music');
  const { body } = await download(page, '导出 CSV');
  // 4 students share 4 places: each college with 1 student gets 4 × 1/4 = 1 exactly, @x (0) gets 0.
  assert.deepEqual(body.replace(/^\uFEFF/, '').split('\r\n'), [
    '学院,学生人数,名额,精确份额,份额（分数）,余数',
    `"'=HYPERLINK(""http://x"")",1,1,1,1/1,0`,
    '"""Arts"", Music",1,1,1,1/1,0',
    "'+1,1,1,1,1/1,0",
    "'@x,0,0,0,0/1,0",
    "'-y,1,1,1,1/1,0",
    '合计,4,4',
    '方法,最大余额法（默认）',
    '',
  ]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a name with markup stays text; a duplicate is marked under its field and the first row still counts', async () => {
  const { page, problems, context } = await openQuota();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const evil = '<img src=x onerror=alert(1)>';
  await page.getByLabel('总名额').fill('2');
  await page.getByLabel(/粘贴多行/).fill(`${evil}, 3\n${evil}, 4`);
  await page.getByRole('button', { name: '添加粘贴的行' }).click();
  assert.equal(await page.getByLabel('学院 1', { exact: true }).inputValue(), evil);
  // Echoed back as text in the paste status and in the API's duplicate-name message.
  assert.match(await page.getByTestId('q-pasted').textContent(), /<img src=x onerror=alert\(1\)>/);
  const second = page.getByLabel('学院 2', { exact: true });
  assert.equal(await second.getAttribute('aria-invalid'), 'true');
  assert.equal(await fieldError(second), `第 2 行 学院：“${evil}”重复出现`);
  // The first row alone gets both places.
  assert.deepEqual((await outputs(page, ['名额'])).flat(), ['2', '未计入']);
  assert.equal(await page.locator('img').count(), 0);
  await page.getByLabel('学院 2', { exact: true }).fill('Other');
  assert.deepEqual((await outputs(page, ['名额'])).flat(), ['1', '1']);
  assert.equal(await page.locator('img').count(), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('total −1 marks the total, and the page keeps working', async () => {
  const { page, problems, context } = await openQuota();
  await page.getByLabel(/粘贴多行/).fill(PASTE);
  await page.getByRole('button', { name: '添加粘贴的行' }).click();
  const total = page.getByLabel('总名额');
  await total.fill('-1');
  assert.equal(await total.getAttribute('aria-invalid'), 'true');
  assert.equal(await fieldError(total), '-1 应在 0 到 100000 之间');
  assert.equal(await page.getByTestId('q-error').textContent(), '请先改正上面标出的输入。');
  assert.equal(await page.getByRole('button', { name: '导出 CSV' }).count(), 0);
  await total.fill('9');
  assert.equal(await total.getAttribute('aria-invalid'), null);
  assert.deepEqual((await outputs(page, ['名额'])).flat(), ['5', '2', '2']);
  // Under the default xinyu policy LX-4.2.1 is not quoted: a note says where it is.
  assert.match(await page.locator('.card', { hasText: '名额合计' }).textContent(), /该条款出自广东工业大学“励行领航者计划”实施方案/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('English: labels, methods and the check follow', async () => {
  const { page, problems, foreign, context } = await openQuota('gdut-lixing-2026');
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('tab', { name: 'Quota (offices)' }).click();
  await page.getByLabel('Total places').fill('9');
  await page.getByLabel(/Paste rows/).fill(PASTE);
  await page.getByRole('button', { name: 'Add pasted rows' }).click();
  assert.match(await page.getByTestId('q-pasted').textContent(), /Added 3 rows: 机械学院, 计算机学院, 外语学院/);
  await page.getByLabel('Method').selectOption({ label: "D'Hondt" });
  assert.deepEqual((await outputs(page, ['Places'])).flat(), ['6', '2', '1']);
  assert.match(await page.getByTestId('q-check').textContent(), /Places given 9, total 9 — match/);
  await page.getByLabel('Total places').fill('x');
  assert.equal(await fieldError(page.getByLabel('Total places')), '"x" is not a number; enter a number, e.g. 9');
  assert.doesNotMatch(await page.locator('.panel[data-panel=quota]').textContent(), /total:/);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});
