// Screenshots to look at (not a test): every tool at 375, 768 and 1280 px in both languages
// with the fixtures' data, and each in print media. `node tests/pages/shots.mjs [dir] [tool…]`
// (needs a build: scripts/build). Default dir: /tmp/shots-a.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch } from './harness.mjs';
import { openTool, toolIds } from './fixtures.mjs';

const [dir = '/tmp/shots-a', ...only] = process.argv.slice(2);
fs.mkdirSync(dir, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const tool of only.length ? only : toolIds) {
    for (const lang of ['zh-CN', 'en']) {
      for (const width of [375, 768, 1280]) {
        const { page, context, problems } = await openTool(browser, server.url, tool, lang, { viewport: { width, height: 900 } });
        await page.waitForTimeout(150);
        await page.screenshot({ path: path.join(dir, `${tool}-${lang}-${width}.png`), fullPage: true });
        // Slices a person can read at full size.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const step = width === 375 ? 1000 : 800;
        for (let y = 0, n = 1; y < height; y += step, n++) {
          await page.screenshot({ path: path.join(dir, `${tool}-${lang}-${width}-part${n}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(step, height - y) } });
        }
        if (width === 1280) {
          await page.emulateMedia({ media: 'print' });
          await page.screenshot({ path: path.join(dir, `${tool}-${lang}-print.png`), fullPage: true });
        }
        if (problems.length) console.log(tool, lang, width, problems);
        await context.close();
      }
    }
    console.log(`shots: ${tool}`);
  }
} finally {
  await browser.close();
  await server.close();
}
