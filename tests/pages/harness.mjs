// Shared by the page tests: a static server for www/ on 127.0.0.1 that sends the strict CSP
// and records every request, and Debian's Chromium driven by playwright-core (which never
// downloads a browser of its own).
import http from 'node:http';
import fs from 'node:fs/promises';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../www');
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.ico': 'image/x-icon', '.ts': 'text/plain',
};

/** Files served gzip-compressed when `gzip` is asked for: what a real server compresses. */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest']);

/**
 * Starts the server on a free port. Returns { url, requests, close }. With `gzip`, compressible
 * files go out gzip-compressed (level 9) to a client that accepts it, as a production server
 * sends them: the benchmark's byte counts and throttled loads see real transfer sizes.
 */
export async function serve(dir = root, { gzip = false } = {}) {
  const requests = [];
  const packed = new Map(); // file → its gzip bytes
  const server = http.createServer(async (req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      let body = await fs.readFile(file);
      const headers = { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'content-security-policy': CSP, 'cache-control': 'no-cache' };
      if (gzip && compressible.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        if (!packed.has(file)) packed.set(file, zlib.gzipSync(body, { level: 9 }));
        body = packed.get(file);
        Object.assign(headers, { 'content-encoding': 'gzip', vary: 'accept-encoding' });
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

export const chromiumArgs = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

/** Launches Chromium; returns the browser. `extraArgs`: more flags (the bench's `--js-flags`). */
export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...chromiumArgs, ...extraArgs], headless: true });
}

/**
 * Records what goes wrong on `page` from now on: console errors and page errors (CSP
 * violations among them) in `problems`, and in `foreign` any request that leaves `url`'s origin.
 */
export function watch(page, url) {
  const problems = [];
  const foreign = [];
  const origin = new URL(url).origin;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { const u = r.url(); if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u); });
  return { problems, foreign };
}

/** A page at `url`, ready, with what goes wrong on it recorded (`watch`). */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  const { problems, foreign } = watch(page, url);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, context, problems, foreign };
}

const temporary = [];
process.on('exit', () => { for (const dir of temporary) rmSync(dir, { recursive: true, force: true }); });

/** A fresh temporary folder, removed when the tests end. */
export function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xc-'));
  temporary.push(dir);
  return dir;
}

/** A file `name` holding `text` in a fresh temporary folder. */
export function tempFile(name, text) {
  const file = path.join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

/** A host site's folder: www/ at /exchange-calc/ (as the README installs it), `pages` ({ name: html }) at its root. */
export function hostSite(pages = {}) {
  const dir = tempDir();
  symlinkSync(root, path.join(dir, 'exchange-calc'));
  for (const [name, html] of Object.entries(pages)) writeFileSync(path.join(dir, name), html);
  return dir;
}

const axePath = path.resolve(root, '../node_modules/axe-core/axe.min.js');

/**
 * axe-core's violations on the page as it is now, one line each: `id (impact): targets`.
 * Injecting axe needs a context with `bypassCSP: true` (the app's own CSP rightly forbids it).
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
}

/** Chooses a policy preset by id (the policy radio buttons of the bar). */
export async function choosePolicy(page, id) {
  await page.locator(`.bar-policy input[type=radio][value="${id}"]`).check();
}

/** The policy whose radio button is checked. */
export const chosenPolicy = (page) => page.locator('.bar-policy input[type=radio]:checked').inputValue();

/**
 * The error shown under a field: the text of the `.field-error` elements its aria-describedby
 * names and that are shown ('' when there is none). This is what a screen reader reads with it.
 */
export function fieldError(locator) {
  return locator.evaluate((el) => (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
    .map((id) => el.getRootNode().getElementById(id))
    .filter((e) => e && e.classList.contains('field-error') && !e.hidden)
    .map((e) => e.textContent).join(' '));
}
