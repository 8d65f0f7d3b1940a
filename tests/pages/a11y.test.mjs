// axe-core on every tool with realistic data — errors under fields, results, notices — in both
// languages, on a phone and on a wide screen: no violations at all, of any impact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, axeViolations } from './harness.mjs';
import { openTool, toolIds } from './fixtures.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const lang of ['zh-CN', 'en']) {
  for (const width of [375, 1280]) {
    test(`axe: no violations on any tool with data (${lang}, ${width} px)`, async () => {
      const found = [];
      for (const tool of toolIds) {
        // bypassCSP only so the test can inject axe; the app itself runs under the strict CSP.
        const { page, context } = await openTool(browser, server.url, tool, lang, { viewport: { width, height: 900 }, bypassCSP: true });
        found.push(...(await axeViolations(page)).map((x) => `${tool}: ${x}`));
        await context.close();
      }
      assert.deepEqual(found, []);
    });
  }
}
