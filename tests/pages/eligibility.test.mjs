// The eligibility self-check used as a person would: pick a policy and track, answer the
// questions (radio groups and number boxes), read the verdict, the findings and what to do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, choosePolicy, fieldError } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(policy) {
  const o = await openPage(browser, server.url);
  await o.page.getByRole('tab', { name: '申请资格' }).click();
  if (policy) await choosePolicy(o.page, policy);
  return o;
}

const yes = (page, question, answer = '是') => page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();
const finding = (page, code) => page.locator(`.finding[data-code="${code}"]`);
const outcomes = (page) => page.locator('.panel[data-panel=eligibility] .finding').evaluateAll((els) => els.map((e) => [e.dataset.code, e.className.replace('finding ', '')]));

test('xinyu exchange: nothing answered is review, never a guess; the GPA threshold is the year\'s notice', async () => {
  const { page, problems, foreign, context } = await open();
  const verdict = page.getByTestId('verdict');
  assert.equal(await verdict.getAttribute('data-status'), 'review');
  assert.match(await verdict.textContent(), /待审核/);
  // Eight XYU-10.2/10.3/11 conditions, all "not stated" → review.
  assert.deepEqual((await outcomes(page)).map(([, o]) => o), Array(8).fill('review'));
  // minGpa is null in xinyu-2022: the hint and the finding say the notice sets it.
  assert.match(await page.locator('.elig-questions').textContent(), /最低 GPA 由当年项目通知规定/);
  await page.getByLabel('你的 GPA（4 分制，0–4）').fill('3.5');
  assert.match(await finding(page, 'gpa').getAttribute('class'), /review/);
  assert.match(await finding(page, 'gpa').textContent(), /GPA 3\.5：“学习成绩良好”的标准由当年项目通知规定.*XYU-10\.2\(2\).*怎么办：由学校审核决定；请带上能证明此项的材料/);
  // A question left unanswered says to answer it.
  assert.match(await finding(page, 'health').textContent(), /怎么办：在上面回答这一问题/);
  // The clause button opens the quoted regulation.
  await finding(page, 'gpa').getByRole('button', { name: 'XYU-10.2(2)' }).click();
  assert.match(await page.getByRole('dialog', { name: '条款 XYU-10.2(2)' }).textContent(), /学习成绩良好/);
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('xinyu exchange: every yes, GPA given → still review (minGpa and the priority line are unset); 3 semesters → ineligible under XYU-11', async () => {
  const { page, problems, context } = await open();
  for (const q of ['你是学校在籍本科生（或合作协议认可的在籍学生）吗？', '你的政治素质良好、思想品德合格吗？',
    '你身体健康，心理素质和适应能力较好吗？', '你有在国（境）外学习和生活的经济能力吗？']) await yes(page, q);
  await page.getByLabel('你的 GPA（4 分制，0–4）').fill('3.5');
  await page.getByLabel('雅思总分（0–9，0.5 分一档）').fill('7');
  // Year 2 of 4: not the final year (2 < 4) → pass. 1 semester is within XYU-11's 1–2 → pass.
  await page.getByLabel('目前年级（第几年，如 2）').fill('2');
  await page.getByLabel('学制（年，如 4）').fill('4');
  await page.getByLabel('申请交流的学期数').fill('1');
  const verdict = page.getByTestId('verdict');
  assert.equal(await verdict.getAttribute('data-status'), 'review');
  // Only what the regulation leaves to the year's notice stays open: the GPA minimum, and the
  // IELTS priority line (a language score never excludes, so without a line it is review).
  assert.deepEqual(await outcomes(page), [
    ['enrolled', 'pass'], ['conduct', 'pass'], ['gpa', 'review'], ['language', 'review'],
    ['health', 'pass'], ['funds', 'pass'], ['final_year', 'pass'], ['semesters', 'pass'],
  ]);
  assert.match(await page.getByTestId('priority').textContent(), /暂无法判断（优先考虑线由当年项目通知规定）/);
  // No funding rule in xinyu-2022: no funding answer, no LX-5.4 list.
  assert.equal(await page.getByTestId('fundable').count(), 0);
  assert.equal(await page.getByTestId('conditions').isVisible(), false);

  // 3 semesters > XYU-11's maximum of 2 → fail → ineligible.
  await page.getByLabel('申请交流的学期数').fill('3');
  assert.equal(await verdict.getAttribute('data-status'), 'ineligible');
  assert.match(await verdict.textContent(), /不符合申请条件/);
  const semesters = finding(page, 'semesters');
  assert.match(await semesters.getAttribute('class'), /fail/);
  assert.match(await semesters.textContent(), /交流学习期限须为 1–2 个学期；你填写的是 3 个学期。/);
  assert.equal(await semesters.getByRole('button').textContent(), 'XYU-11');
  assert.match(await semesters.textContent(), /怎么办：按上面的说明满足这一条件/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('gdut freshman-leap: enrolled 2025, applying 2026 → review under LX-2.1.1 (the month decides)', async () => {
  const { page, problems, foreign, context } = await open('gdut-lixing-2026');
  assert.equal(await page.getByLabel('项目类别').inputValue(), 'freshman-leap');
  await yes(page, '你是国际联合培养专班的学生吗？');
  await page.getByLabel('入学年份（如 2026）').fill('2025');
  await page.getByLabel('申请年份（如 2026）').fill('2026');
  // LX-2.1.1 "当年入学新生": one calendar year apart, a spring application is still in the first
  // academic year, so the month decides → review, never ineligible (issue 16 point 1).
  assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'review');
  const f = finding(page, 'enrollment_year');
  assert.match(await f.textContent(), /2025 年入学、2026 年申请：若在第 1 学年内申请/);
  assert.equal(await f.getByRole('button').textContent(), 'LX-2.1.1');
  // 2026 = 2026 → met; funding questions unanswered → review, so the verdict is eligible
  // (funding never changes eligibility) and the funding answer is open.
  await page.getByLabel('入学年份（如 2026）').fill('2026');
  assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'eligible');
  assert.match(await page.getByTestId('verdict').textContent(), /符合申请条件/);
  assert.match(await page.getByTestId('fundable').textContent(), /待审核/);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('gdut navigator-research: 0 semesters completed → ineligible, 1 → met; CSC funding leaves eligibility alone but is not fundable', async () => {
  const { page, problems, context } = await open('gdut-lixing-2026');
  await page.getByLabel('项目类别').selectOption('navigator-research');
  await yes(page, '你是国际联合培养专班的学生吗？');
  // The freshman-leap year questions are gone; this track asks for semesters completed.
  assert.equal(await page.getByLabel('入学年份（如 2026）').count(), 0);
  await page.getByLabel('已在读的学期数').fill('0');
  // LX-2.1.2: at least 1 semester completed; 0 < 1 → fail.
  assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'ineligible');
  assert.match(await finding(page, 'semesters_completed').textContent(), /须已在读至少 1 个学期；你已在读 0 个学期。.*LX-2\.1\.2/);
  await page.getByLabel('已在读的学期数').fill('1');
  assert.match(await finding(page, 'semesters_completed').getAttribute('class'), /pass/);
  assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'eligible');

  // LX-5.3.1: not funded by this plan before, but funded by CSC → not fundable; status unchanged.
  await yes(page, '你以前获得过本计划的资助吗？', '否');
  await yes(page, '你正在享受国家留学基金（CSC）或其他同类资助吗？');
  assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'eligible');
  const fundable = page.getByTestId('fundable');
  assert.match(await fundable.textContent(), /可获学校资助：否（不再资助，申请资格不受影响）/);
  assert.equal(await fundable.getByRole('button').textContent(), 'LX-5.3.1');
  const other = finding(page, 'other_funding');
  assert.match(await other.getAttribute('class'), /fail/);
  assert.match(await other.textContent(), /国家留学基金（CSC）.*怎么办：仍可申请，但不能获得本计划资助/);
  // Both "no" → fundable.
  await yes(page, '你正在享受国家留学基金（CSC）或其他同类资助吗？', '否');
  assert.match(await fundable.textContent(), /可获学校资助：是/);
  // The LX-5.4 conditions: what to keep doing to keep the funding, each with its clause.
  const conditions = page.getByTestId('conditions');
  assert.ok(await conditions.isVisible());
  // LX-5.4 (1)–(5), then LX-2.2: sharing the results closes the project (issue 16).
  assert.deepEqual(await conditions.getByRole('button').allTextContents(), ['LX-5.4(1)', 'LX-5.4(2)', 'LX-5.4(3)', 'LX-5.4(4)', 'LX-5.4(5)', 'LX-2.2']);
  assert.match(await page.locator('.elig-keep h2').textContent(), /获得资助后须持续做到/);
  // Answers are kept on this device.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getByLabel('已在读的学期数').inputValue(), '1');
  assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'eligible');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an impossible answer marks its field and the page keeps working', async () => {
  const { page, problems, context } = await open();
  const gpa = page.getByLabel('你的 GPA（4 分制，0–4）');
  await gpa.fill('5');
  assert.equal(await gpa.getAttribute('aria-invalid'), 'true');
  const errId = (await gpa.getAttribute('aria-describedby')).split(' ').pop();
  assert.match(await page.locator(`#${errId}`).textContent(), /5 应在 0 到 4 之间/);
  assert.match(await page.locator('.elig-summary [role=alert]').textContent(), /请先更正标出的输入/);
  await gpa.fill('3.0');
  assert.equal(await gpa.getAttribute('aria-invalid'), null);
  assert.equal(await page.locator(`#${errId}`).isVisible(), false);
  assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'review');
  assert.deepEqual(problems, []);
  await context.close();
});

test('English switch: questions, verdict, findings and hints in English', async () => {
  const { page, problems, context } = await open();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Eligibility' }).waitFor();
  await page.getByLabel('Semesters you ask for abroad').fill('3');
  assert.match(await page.getByTestId('verdict').textContent(), /Not eligible/);
  assert.match(await finding(page, 'semesters').textContent(), /An exchange lasts 1–2 semesters; you asked for 3\..*What to do: meet this condition/);
  assert.match(await page.locator('.elig-questions').textContent(), /set by the year's notice/);
  await yes(page, 'Are you in good physical and mental health, and adaptable?', 'No');
  assert.match(await finding(page, 'health').textContent(), /you answered no/);
  assert.match(await finding(page, 'gpa').textContent(), /What to do: answer this question above/);
  await page.getByRole('button', { name: '中文' }).click();
  assert.match(await page.getByTestId('verdict').textContent(), /不符合申请条件/);
  assert.deepEqual(problems, []);
  await context.close();
});
