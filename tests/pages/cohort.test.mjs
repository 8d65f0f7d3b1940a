// Cohort conversion: a CSV through batchGpa in a Web Worker; bad rows by line; the page keeps
// painting while a large file is processed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openPage, root, tempFile } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a small cohort: every GPA, and a bad row reported by its line', async () => {
  const { page, context, problems, foreign } = await openPage(browser, server.url);
  await page.getByRole('tab', { name: '批量换算（项目办）' }).click();
  // s1: (3×3.7 + 2×3.3 + 1×0)/6 = 17.7/6 = 2.95, average 516/6 = 86
  // s2: (4×4.0)/4 = 4.00 (its Q row, line 6, is left out); s3: 2×2.0/2 = 2.00
  const csv = 'grade,studentId,credits,course\nA,s1,3,Calculus\nB+,s1,2,Physics\nF,s1,1,Writing\nA+,s2,4,Algebra\nQ,s2,2,Bad\nC,s3,2,"History, modern"\n';
  await page.getByLabel('选择 CSV 文件').setInputFiles(tempFile('cohort.csv', csv));
  await page.getByText(/3 名学生，6 行；1 行有误未计入。/).waitFor();
  const rows = await page.locator('.panel[data-panel=cohort] tbody tr').allTextContents();
  assert.deepEqual(rows, ['s12.9586.0061', 's24.0098.0040', 's32.0075.0020']);
  // The row and column in the page's words, then the API's reason (no "第 6 行：grade：" of its own).
  assert.match(await page.locator('.panel[data-panel=cohort] .finding.fail').textContent(), /^第 6 行 成绩：无法识别成绩“Q”。/);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('a large cohort runs in a worker: progress shows and the page never freezes', async () => {
  // 400,000 rows: 20,000 students × 20 courses. On this machine the batch blocks a thread for
  // about 0.6 s; in the worker the page's longest frame gap stays near 30 ms.
  const letters = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F'];
  const lines = ['studentId,course,credits,grade'];
  for (let s = 0; s < 20000; s++) for (let c = 0; c < 20; c++) lines.push(`S${s},Course ${c},${1 + (c % 4)},${letters[(s + c) % 13]}`);
  const big = tempFile('big.csv', `${lines.join('\n')}\n`);
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('tab', { name: '批量换算（项目办）' }).click();
  // Measure the longest gap between animation frames while the batch runs.
  await page.evaluate(() => {
    window.maxGap = 0; let last = performance.now();
    const tick = (now) => { window.maxGap = Math.max(window.maxGap, now - last); last = now; if (!window.stopTicks) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.getByLabel('选择 CSV 文件').setInputFiles(big);
  assert.ok(await page.locator('.panel[data-panel=cohort] progress').isVisible(), 'progress shows');
  await page.getByText(/20000 名学生，400000 行；0 行有误未计入。/).waitFor({ timeout: 60000 });
  const gap = await page.evaluate(() => { window.stopTicks = true; return window.maxGap; });
  assert.ok(gap < 250, `longest frame gap ${Math.round(gap)} ms`);
  assert.equal(await page.locator('.panel[data-panel=cohort] tbody tr').count(), 200);
  await context.close();
});

test('Chinese headers are read as the English ones; a file with an unknown column is explained in words', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByRole('tab', { name: '批量换算（项目办）' }).click();
  // The format's shared file (tests/csv/cohort-zh.csv): S1 A(3) Ｂ＋(2) F(1) → 17.7/6 = 2.95,
  // 516/6 = 86; S2 B(2) P(1) → 3.00, 85, 3 credits.
  await page.getByLabel('选择 CSV 文件').setInputFiles(path.resolve(root, '../tests/csv/cohort-zh.csv'));
  await page.getByText(/2 名学生，5 行；0 行有误未计入。/).waitFor();
  assert.deepEqual(await page.locator('.panel[data-panel=cohort] tbody tr').allTextContents(), ['S12.9586.0061', 'S23.0085.0030']);
  // The progress bar is gone once the run is over.
  assert.equal(await page.locator('.panel[data-panel=cohort] progress').isVisible(), false);
  await page.getByLabel('选择 CSV 文件').setInputFiles(tempFile('names.csv', '学号,姓名,课程,学分,成绩\nS1,张三,数学,3,A\n'));
  const alert = page.locator('.panel[data-panel=cohort] [role=alert]');
  await alert.waitFor();
  assert.equal(await alert.textContent(), '无法读取这个文件：不认识的列名“姓名”；可用的列名：学号 / studentId、课程 / 课程名称 / course、学分 / credits / credit、成绩 / grade');
  assert.deepEqual(problems, []);
  await context.close();
});
