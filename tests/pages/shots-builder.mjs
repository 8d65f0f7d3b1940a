// Screenshots of the embed builder to look at (not a test): both presets with this year's
// values, the same with mistakes, and the rules-in-words dialog, at 375, 768 and 1280 px in
// both languages. `node tests/pages/shots-builder.mjs [dir]` (needs a build: scripts/build).
// Default dir: /tmp/shots-f.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage } from './harness.mjs';

const [dir = '/tmp/shots-f'] = process.argv.slice(2);
fs.mkdirSync(dir, { recursive: true });
const server = await serve();
const browser = await launch();

const states = {
  xinyu: { preset: 'xinyu-2022', values: { minGpa: '3.2', priorityIelts: '6.5', priorityToefl: '90', hoursPerCredit: '17', studentIdPattern: '20\\d{8}' } },
  gdut: { preset: 'gdut-lixing-2026', values: { schoolCapPerStudent: '20000', schoolShareRatio: '0.8' } },
  mistakes: { preset: 'xinyu-2022', values: { minGpa: '-1', priorityIelts: '9.5', priorityToefl: 'ninety', hoursPerCredit: '20', studentIdPattern: '(' } },
};

async function shoot(page, name, width) {
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = width === 375 ? 1000 : 800;
  for (let y = 0, n = 1; y < height; y += step, n++) {
    await page.screenshot({ path: path.join(dir, `${name}-part${n}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(step, height - y) } });
  }
}

try {
  for (const lang of ['zh-CN', 'en']) {
    for (const width of [375, 768, 1280]) {
      for (const [name, s] of Object.entries(states)) {
        const { page, context, problems } = await openPage(browser, `${server.url}/embed-builder.html`, { viewport: { width, height: 900 } });
        if (lang === 'en') await page.locator('.builder > .bar .lang').click();
        await page.locator(`.b-form input[type=radio][value="${s.preset}"]`).check();
        for (const [key, value] of Object.entries(s.values)) await page.locator(`.b-form input[name="${key}"]`).fill(value);
        // The preview follows the values after a pause; then its element is ready again.
        await page.waitForTimeout(700);
        await page.waitForSelector('#preview[data-ready]');
        await shoot(page, `builder-${name}-${lang}-${width}`, width);
        if (name === 'xinyu') {
          await page.locator('.b-out button.link').click();
          await page.waitForTimeout(150);
          await page.screenshot({ path: path.join(dir, `builder-words-${lang}-${width}.png`) });
        }
        if (problems.length) console.log(name, lang, width, problems);
        await context.close();
      }
    }
    console.log(`shots: ${lang}`);
  }
} finally {
  await browser.close();
  await server.close();
}
