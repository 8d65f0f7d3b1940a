// Time from navigation to the first computed result on the real page (bench/run.mjs step 5):
// serves www/ with the strict CSP (tests/pages/harness.mjs), opens a fresh browser context per
// load (no cache, no service worker yet), waits for the app shell's ready marker, then imports
// the same /pkg/exchange_calc.js module the app initialized and converts one grade.
// performance.now() in the page counts from performance.timeOrigin, the navigation start.
//   node bench/run.mjs --only first [--loads 10] [--waterfall]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, root as wwwRoot } from '../tests/pages/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ loads?: number, dir?: string }} [o]
 * @returns {Promise<Array<{ ready: number, result: number, requests: string[], entries: object[] }>>}
 */
export async function firstResult(browser, { loads = 10, dir = wwwRoot } = {}) {
  const site = await serve(dir);
  const firstLoads = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      await context.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.body?.dataset.ready !== 'true') return;
          obs.disconnect();
          const ready = performance.now(); // ms since navigation start (performance.timeOrigin)
          import('/pkg/exchange_calc.js').then((m) => {
            const r = m.convertGrade({ policy: 'xinyu-2022', grade: 'B+' });
            window.__first = { ready, result: performance.now(), gradePoint: r.gradePoint };
          });
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
      });
      const page = await context.newPage();
      const before = site.requests.length;
      await page.goto(site.url);
      await page.waitForFunction(() => window.__first, null, { timeout: 30000 });
      const first = await page.evaluate(() => window.__first);
      if (first.gradePoint !== '3.3') throw new Error(`first result wrong: ${JSON.stringify(first)}`);
      // The request waterfall up to the first result (Resource Timing, ms since navigation).
      const entries = await page.evaluate((until) => {
        const nav = performance.getEntriesByType('navigation')[0];
        const row = (e) => ({ name: new URL(e.name).pathname, start: e.startTime, requestStart: e.requestStart, end: e.responseEnd, bytes: e.encodedBodySize });
        return [row(nav), ...performance.getEntriesByType('resource').filter((e) => e.startTime <= until).map(row)];
      }, first.result);
      firstLoads.push({ ...first, requests: site.requests.slice(before), entries });
      await context.close();
    }
  } finally {
    await site.close();
  }
  return firstLoads;
}

/**
 * The same measurement on two pages without the app, loaded alternately in fresh contexts:
 * `blank` (bench/floor-blank.html: navigation → its first module script, nothing else; the
 * floor this machine and browser set) and `bare` (bench/floor-bare.html: the glue and the
 * wasm fetched from the start, init, one convertGrade).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<{ blank: number[], bare: number[], bareReady: number[] }>}
 */
export async function floors(browser, { loads = 10 } = {}) {
  const site = await serve(repo);
  const out = { blank: [], bare: [], bareReady: [] };
  try {
    for (let i = 0; i < loads; i++) {
      for (const which of ['blank', 'bare']) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${site.url}/bench/floor-${which}.html`);
        await page.waitForFunction(() => window.__first, null, { timeout: 30000 });
        const first = await page.evaluate(() => window.__first);
        if (which === 'bare' && first.gradePoint !== '3.3') throw new Error(`bare page result wrong: ${JSON.stringify(first)}`);
        out[which].push(first.result);
        if (which === 'bare') out.bareReady.push(first.ready);
        await context.close();
      }
    }
  } finally {
    await site.close();
  }
  return out;
}

/** A text waterfall of one load: each request's start, request sent, and response end. */
export function waterfall(load) {
  const f = (x) => x.toFixed(1).padStart(7);
  const rows = load.entries.map((e) => `${e.name.padEnd(30)} ${f(e.start)} ${f(e.requestStart)} ${f(e.end)} ${String(e.bytes).padStart(8)}`);
  return [`${'request'.padEnd(30)} ${'start'.padStart(7)} ${'sent'.padStart(7)} ${'end'.padStart(7)} ${'bytes'.padStart(8)}`, ...rows,
    `ready ${load.ready.toFixed(1)} ms, first result ${load.result.toFixed(1)} ms`].join('\n');
}
