// The deadlines tool used as a person would: enter dates, read what is due, download the
// calendar, fix a wrong date, switch language and policy. Dates worked out by hand from
// XYU-12.9, XYU-13.2, XYU-13.5 and LX-4 with calendar arithmetic (N months → the same day N
// months on, or that month's last day when it does not exist).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, choosePolicy, fieldError } from './harness.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openDeadlines() {
  const opened = await openPage(browser, server.url);
  await opened.page.getByRole('tab', { name: '时间节点' }).click();
  return { ...opened, panel: opened.page.locator('[data-panel="deadlines"]') };
}

const rows = (panel) => panel.locator('.deadline').evaluateAll((els) => els.map((el) => ({
  due: el.querySelector('time').getAttribute('datetime'),
  clause: el.querySelector('button.clause').textContent,
  forfeit: el.classList.contains('forfeit'),
})));

test('arrival 2026-09-01, end 2026-11-30: four deadlines in date order, transcript 2027-02-28', async () => {
  const { page, panel, problems, foreign, context } = await openDeadlines();
  await panel.getByLabel('抵达国（境）外的日期').fill('2026-09-01');
  await panel.getByLabel('交换结束日期').fill('2026-11-30');
  // XYU-13.2: within one week of arrival → 09-01 + 7 days = 2026-09-08.
  // XYU-13.5: report within 15 days → 11-30 + 15 days = 2026-12-15;
  //           summary within one month → 2026-12-30.
  // XYU-12.9: transcript within 3 months → 2027-02-30 does not exist → 2027-02-28.
  assert.deepEqual(await rows(panel), [
    { due: '2026-09-08', clause: 'XYU-13.2', forfeit: false },
    { due: '2026-12-15', clause: 'XYU-13.5', forfeit: false },
    { due: '2026-12-30', clause: 'XYU-13.5', forfeit: false },
    { due: '2027-02-28', clause: 'XYU-12.9', forfeit: true },
  ]);
  const first = panel.locator('.deadline').first();
  assert.match(await first.textContent(), /2026-09-08.*住址和联系方式/s);
  assert.match(await panel.locator('.deadline', { hasText: '2026-12-30' }).textContent(), /书面留学总结/);
  // The forfeit consequence of XYU-12.9 is highlighted with the transcript.
  assert.match(await panel.locator('.deadline.forfeit .consequence').textContent(), /放弃成绩转换和认定.*补修/);
  await panel.getByRole('button', { name: 'XYU-12.9' }).click();
  assert.match(await page.getByRole('dialog', { name: '条款 XYU-12.9' }).textContent(), /三个月内/);
  await page.keyboard.press('Escape');

  // The calendar file is made on the page (a Blob), with all-day events.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: '添加到日历（.ics）' }).click()]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  const ics = await fs.readFile(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR/);
  assert.match(ics, /DTSTART;VALUE=DATE:20270228/);
  assert.match(ics, /DTSTART;VALUE=DATE:20260908/);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('arrival only gives the contact-address deadline', async () => {
  const { panel, context } = await openDeadlines();
  await panel.getByLabel('抵达国（境）外的日期').fill('2026-09-01');
  assert.deepEqual(await rows(panel), [{ due: '2026-09-08', clause: 'XYU-13.2', forfeit: false }]);
  await context.close();
});

test('reversed dates mark the end field; the arrival\'s deadline stays', async () => {
  const { panel, problems, context } = await openDeadlines();
  await panel.getByLabel('抵达国（境）外的日期').fill('2026-12-01');
  const end = panel.getByLabel('交换结束日期');
  await end.fill('2026-11-30');
  assert.equal(await end.getAttribute('aria-invalid'), 'true');
  assert.equal(await fieldError(end), '应晚于 2026-12-01');
  // The end is left out; what follows from the arrival alone stays: 2026-12-01 + 7 days.
  assert.deepEqual(await rows(panel), [{ due: '2026-12-08', clause: 'XYU-13.2', forfeit: false }]);
  // End 2027-01-31 + 1 month → 2027-02-31 does not exist → 2027-02-28; + 3 months → 2027-04-30.
  await end.fill('2027-01-31');
  assert.equal(await end.getAttribute('aria-invalid'), null);
  assert.deepEqual((await rows(panel)).map((r) => r.due), ['2026-12-08', '2027-02-15', '2027-02-28', '2027-04-30']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('gdut: the year 2027 gives the LX-4 calendar; English switch', async () => {
  const { page, panel, problems, foreign, context } = await openDeadlines();
  await choosePolicy(page, 'gdut-lixing-2026');
  const year = panel.getByLabel('年度（年度工作日程）');
  await year.fill('2027');
  // LX-4.2.2 rules by 31 March, LX-4.2.3 final list by 15 April, LX-4.1 notice before June.
  assert.deepEqual(await rows(panel), [
    { due: '2027-03-31', clause: 'LX-4.2.2', forfeit: false },
    { due: '2027-04-15', clause: 'LX-4.2.3', forfeit: false },
    { due: '2027-05-31', clause: 'LX-4.1', forfeit: false },
  ]);
  // The dates abroad are not part of this policy's calendar.
  assert.equal(await panel.getByLabel('交换结束日期').count(), 0);
  await year.fill('20x7');
  assert.equal(await year.getAttribute('aria-invalid'), 'true');
  await year.fill('2027');
  assert.equal(await year.getAttribute('aria-invalid'), null);

  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await panel.getByLabel('Year (annual calendar)').inputValue(), '2027');
  assert.match(await panel.locator('.deadline').first().textContent(), /2027-03-31.*Colleges file their selection rules/s);
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'Add to calendar (.ics)' }).click()]);
  assert.match(await fs.readFile(await download.path(), 'utf8'), /DTSTART;VALUE=DATE:20270331/);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('English messages for xinyu dates', async () => {
  const { page, panel, context } = await openDeadlines();
  await page.getByRole('button', { name: 'English' }).click();
  await panel.getByLabel('Arrival abroad').fill('2026-09-01');
  await panel.getByLabel('End of the exchange').fill('2026-11-30');
  assert.match(await panel.locator('.deadline.forfeit').textContent(), /2027-02-28.*transcript.*Consequence: .*forfeited/s);
  await panel.getByLabel('Arrival abroad').fill('2026-12-05');
  assert.equal(await panel.getByLabel('End of the exchange').getAttribute('aria-invalid'), 'true');
  await context.close();
});
