// Time and bytes from navigation to the first computed result on the real page (bench/run.mjs
// step 6): serves www/ with the strict CSP (tests/pages/harness.mjs), gzip-compressed as a
// production server sends it, opens a fresh browser context per load (no cache, no service
// worker yet), and the moment the app marks itself ready types "B+" into the grades tool, as a
// student would: the first result is when the tool shows 3.3 (it answers in the input event,
// from the grades module). performance.now() in the page counts from performance.timeOrigin,
// the navigation start.
//   node bench/run.mjs --only first [--loads 10] [--waterfall] [--www DIR]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, root as wwwRoot } from '../tests/pages/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The phone of issue 14: Chromium's slow-4G-like network (150 ms round trip, 1.6 Mbit/s down,
 * 750 kbit/s up) and a CPU four times slower, through the DevTools Protocol.
 */
export const PHONE = { latency: 150, down: 1.6e6 / 8, up: 750e3 / 8, cpu: 4 };

/** Opens a page in `context`, throttled like `profile` when one is given. */
async function pageFor(context, profile) {
  const page = await context.newPage();
  if (profile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  return page;
}

/** Resource Timing rows, navigation first: path, start, request sent, response end, the body as
 * it came (gzip) and what the network carried (0 for what came from the browser's cache). */
function timings() {
  const row = (e) => ({ name: new URL(e.name).pathname, start: e.startTime, requestStart: e.requestStart, end: e.responseEnd, bytes: e.encodedBodySize, network: e.transferSize });
  return [row(performance.getEntriesByType('navigation')[0]), ...performance.getEntriesByType('resource').map(row)];
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ loads?: number, dir?: string, profile?: typeof PHONE }} [o]
 * @returns {Promise<Array<{ ready: number, result: number, bytes: number, requests: string[], entries: object[] }>>}
 */
export async function firstResult(browser, { loads = 10, dir = wwwRoot, profile = null } = {}) {
  const site = await serve(dir, { gzip: true });
  const firstLoads = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      await context.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.body?.dataset.ready !== 'true') return;
          obs.disconnect();
          const ready = performance.now(); // ms since navigation start (performance.timeOrigin)
          const input = document.querySelector('input.grade-input');
          input.value = 'B+';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const shown = document.querySelector('[data-testid="single-result"]')?.textContent ?? '';
          window.__first = { ready, result: performance.now(), gradePoint: /3\.3/.test(shown) ? '3.3' : shown };
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
      });
      const page = await pageFor(context, profile);
      const before = site.requests.length;
      await page.goto(site.url);
      await page.waitForFunction(() => window.__first, null, { timeout: 60000 });
      const first = await page.evaluate(() => window.__first);
      if (first.gradePoint !== '3.3') throw new Error(`first result wrong: ${JSON.stringify(first)}`);
      // The requests that had ended by the first result, and their bytes on the wire (gzip).
      const entries = (await page.evaluate(timings)).filter((e) => e.end <= first.result);
      const bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
      firstLoads.push({ ...first, bytes, requests: site.requests.slice(before), entries });
      await context.close();
    }
  } finally {
    await site.close();
  }
  return firstLoads;
}

/** The tools a student opens (the office tools, quota and cohort, are not among them). */
export const STUDENT_TOOLS = ['grades', 'credits', 'funding', 'eligibility', 'deadlines'];

/**
 * What the network carries (gzip bodies and headers, as served; `transferSize`) while a student
 * opens each student tool in turn and waits for it to be filled in, and then for the page to
 * settle (the idle loads, the service worker's install): the page's requests, and apart from
 * them the service worker's own (its precache takes from the HTTP cache what the page already
 * has, so it fetches only the rest: the office tools and the single-file app's parts).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<{ page: number, worker: number, files: Array<{ name: string, bytes: number }> }>}
 */
export async function studentDownload(browser, { dir = wwwRoot } = {}) {
  const site = await serve(dir, { gzip: true });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    for (const tool of STUDENT_TOOLS) {
      await page.click(`[role="tab"][data-tool="${tool}"]`);
      await page.waitForSelector(`[data-panel="${tool}"][data-ready="true"]`, { timeout: 60000 });
    }
    // Settled: nothing in flight for a second (the idle loads and the worker's install).
    await page.waitForFunction(() => navigator.serviceWorker?.controller || document.body.dataset.swFailed, null, { timeout: 60000 }).catch(() => {});
    await page.waitForTimeout(1000);
    const entries = await page.evaluate(timings);
    const files = entries.map((e) => ({ name: e.name, bytes: e.network }));
    const pageBytes = files.reduce((sum, f) => sum + f.bytes, 0);
    const worker = await workerBytes(context);
    await context.close();
    return { page: pageBytes, worker, files };
  } finally {
    await site.close();
  }
}

/** Bytes the service worker's own fetches took from the network (its install), if any. */
async function workerBytes(context) {
  const [worker] = context.serviceWorkers();
  if (!worker) return 0;
  return worker.evaluate(() => performance.getEntriesByType('resource').reduce((sum, e) => sum + e.transferSize, 0));
}

/**
 * The same measurement on two pages without the app, loaded alternately in fresh contexts:
 * `blank` (bench/floor-blank.html: navigation → its first module script, nothing else; the
 * floor this machine and browser set) and `bare` (bench/floor-bare.html: the grades module's
 * glue and wasm fetched from the start, init, one convertGrade).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<{ blank: number[], bare: number[], bareReady: number[] }>}
 */
export async function floors(browser, { loads = 10, profile = null } = {}) {
  const site = await serve(repo, { gzip: true });
  const out = { blank: [], bare: [], bareReady: [] };
  try {
    for (let i = 0; i < loads; i++) {
      for (const which of ['blank', 'bare']) {
        const context = await browser.newContext();
        const page = await pageFor(context, profile);
        await page.goto(`${site.url}/bench/floor-${which}.html`);
        await page.waitForFunction(() => window.__first, null, { timeout: 60000 });
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

/** A text waterfall of one load: each request's start, request sent, response end and bytes. */
export function waterfall(load) {
  const f = (x) => x.toFixed(1).padStart(7);
  const rows = load.entries.map((e) => `${e.name.padEnd(34)} ${f(e.start)} ${f(e.requestStart)} ${f(e.end)} ${String(e.bytes).padStart(8)}`);
  return [`${'request'.padEnd(34)} ${'start'.padStart(7)} ${'sent'.padStart(7)} ${'end'.padStart(7)} ${'bytes'.padStart(8)}`, ...rows,
    `ready ${load.ready.toFixed(1)} ms, first result ${load.result.toFixed(1)} ms, ${load.bytes} bytes on the wire`].join('\n');
}
