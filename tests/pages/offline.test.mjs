// Offline after one visit (service worker), a new version on the next load, and the
// single self-contained HTML file opened from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { serve, launch, root, tempDir } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function convert(page, grade) {
  await page.getByLabel('外方成绩（字母等级或百分制分数）').fill(grade);
  return page.getByTestId('single-result').textContent();
}

const precache = path.resolve(root, '../scripts/lib/precache.mjs');
/** Regenerates dir/sw.js as scripts/build does; returns the cache name it will use. */
function publish(dir) {
  execFileSync('node', [precache, dir]);
  return `exchange-calc-${/const VERSION = '([0-9a-f]+)'/.exec(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8'))[1]}`;
}
const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('exchange-calc-')));

test('after one visit the app works with no network, and a new build is picked up on the next load', async () => {
  // A private copy of www/ so this test can publish a "new version".
  const dir = tempDir();
  fs.cpSync(root, dir, { recursive: true });
  const v1 = publish(dir);
  const server = await serve(dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  try {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(() => navigator.serviceWorker.ready);
    assert.deepEqual(await cacheNames(page), [v1]);

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.match(await convert(page, 'B+'), /绩点 3\.3，百分制 88/);
    await context.setOffline(false);

    // Publish a new version: change an asset and regenerate the service worker.
    fs.appendFileSync(path.join(dir, 'css/app.css'), '\n/* v2 */\n');
    const v2 = publish(dir);
    assert.notEqual(v2, v1);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    // The next load fetched and installed it; the old cache is gone once it took over.
    const deadline = Date.now() + 30000;
    while ((await cacheNames(page)).join() !== v2 && Date.now() < deadline) await page.waitForTimeout(200);
    assert.deepEqual(await cacheNames(page), [v2]);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const css = await page.evaluate(async () => (await fetch('css/app.css')).text());
    assert.match(css, /\/\* v2 \*\//, 'offline copy is the new version');
    assert.match(await convert(page, 'A'), /绩点 3\.7，百分制 95/);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the single HTML file works from file:// with no server', async () => {
  const file = path.join(root, 'exchange-calc.html');
  assert.ok(fs.existsSync(file), 'scripts/build writes www/exchange-calc.html');
  const dir = tempDir();
  const copy = path.join(dir, 'exchange-calc.html'); // alone, as a student would keep it
  fs.copyFileSync(file, copy);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(pathToFileURL(copy).href);
    await page.waitForSelector('body[data-ready="true"]');
    assert.match(await convert(page, 'ｂ＋'), /绩点 3\.3，百分制 88/);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
