// The npm package as web developers use it: `npm pack`, then each client section of the
// package README (npm/README.md) done as written: its files written, its commands run, in
// scratch projects that share one install of Vite, webpack, esbuild and TypeScript at the
// versions tests/clients pins with its lockfile (a new release upstream cannot fail CI). Each build is served (with the strict CSP) and driven in headless Chromium: the
// grade converts with no console error and no failed request, the element gets ready, and
// the cohort tool's batch runs in its worker, not on the page's thread.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { root, serve, launch } from './harness.mjs';

const repo = path.resolve(root, '..');
const EXPECTED = 'B+ → grade point 3.3, percentage 88'; // XYU-12.7(2): B+ is 3.3 and 88
// What the README's `npm install` lines may name: installed once, below, for every project.
const CLIENTS = path.join(repo, 'tests/clients');
const TOOLS = Object.keys(JSON.parse(fs.readFileSync(path.join(CLIENTS, 'package.json'), 'utf8')).devDependencies);
// npx never downloads what is missing (that would hide a package the README forgot).
const env = { ...process.env, npm_config_yes: 'false', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_loglevel: 'error' };
const sh = (cmd, cwd) => execFileSync('sh', ['-c', cmd], { cwd, env, encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * The README's sections by heading: the files its code blocks name in their first line
 * (`// main.js`, `<!-- index.html -->`) and the lines of its `sh` blocks, each with its `#` note.
 */
function readme() {
  const text = fs.readFileSync(path.join(repo, 'npm/README.md'), 'utf8');
  const out = {};
  for (const part of text.split(/^## /m).slice(1)) {
    const title = part.slice(0, part.indexOf('\n')).trim();
    const section = { files: {}, commands: [] };
    for (const [, lang, body] of part.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
      if (lang === 'sh') {
        for (const line of body.split('\n')) {
          const [cmd, note = ''] = line.split(/\s+#\s*/, 2);
          if (cmd.trim()) section.commands.push({ cmd: cmd.trim(), note });
        }
      } else {
        const name = /^(?:\/\/|<!--)\s*([\w./-]+)\s*(?:-->)?\n/.exec(body);
        if (name) section.files[name[1]] = body.slice(name[0].length);
      }
    }
    out[title] = section;
  }
  return out;
}

let scratch; let browser; let sections;

before(async () => {
  sections = readme();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'xc-clients-'));
  const packed = JSON.parse(sh(`npm pack ${JSON.stringify(path.join(repo, 'dist/npm'))} --json --pack-destination .`, scratch));
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(CLIENTS, file), path.join(scratch, file));
  // The locked tools (npm's own cache keeps the downloads between runs), then the package.
  sh('npm ci --prefer-offline', scratch);
  sh(`npm install --no-save --prefer-offline ./${packed[0].filename}`, scratch);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/**
 * Does the Install section and then `title`'s in a fresh project folder (node_modules: the one
 * shared install). `npm install` lines are checked to name only what that install has; lines
 * noted "development server" are returned, not run. Returns { dir, outputs, servers }.
 */
function project(title) {
  const section = sections[title];
  assert.ok(section, `README has a "## ${title}" section`);
  const dir = path.join(scratch, title.replace(/\W+/g, '-').toLowerCase());
  fs.mkdirSync(dir);
  const outputs = [];
  const servers = [];
  let linked = false;
  for (const { cmd, note } of [...sections.Install.commands, ...section.commands]) {
    const install = /^npm (install|i)\b(.*)$/.exec(cmd);
    if (install) {
      for (const name of install[2].split(/\s+/).filter((w) => w && !w.startsWith('-'))) {
        assert.ok(name === 'exchange-calc' || TOOLS.includes(name), `README installs ${name}, which the test does not`);
      }
      if (!linked) {
        fs.symlinkSync(path.join(scratch, 'node_modules'), path.join(dir, 'node_modules'));
        for (const [file, body] of Object.entries(section.files)) {
          fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          fs.writeFileSync(path.join(dir, file), body);
        }
        linked = true;
      }
    } else if (/development server/.test(note)) {
      servers.push(cmd);
    } else {
      outputs.push({ cmd, stdout: sh(cmd, dir) });
    }
  }
  assert.ok(linked, 'the README installs the package');
  return { dir, outputs, servers, section };
}

/**
 * The same project with its module file replaced by one that imports every module entry in
 * the package's "exports" (the README shows the main one) and asks each for B+; rebuilt by the
 * section's own `npx` commands. An entry added to scripts/lib/npm-package.mjs is tested here
 * in every client without a line of test. Returns the text the page must show.
 */
function everyEntry({ dir, section }) {
  const { exports } = JSON.parse(fs.readFileSync(path.join(scratch, 'node_modules/exchange-calc/package.json'), 'utf8'));
  const entries = Object.entries(exports).filter(([, e]) => typeof e === 'object');
  const [file, body] = Object.entries(section.files).find(([, b]) => /from '[^']*exchange-calc[^']*';/.test(b));
  const copied = /from '\.\/exchange-calc\//.test(body);
  const spec = ([sub, e]) => (copied ? `./exchange-calc/${e.browser.default.slice(2)}` : `exchange-calc${sub.slice(1)}`);
  fs.writeFileSync(path.join(dir, file), `${entries.map((e, i) => `import init${i}, { convertGrade as convert${i} } from '${spec(e)}';`).join('\n')}
${entries.map((e, i) => `await init${i}();`).join('\n')}
document.querySelector('#out').textContent = [${entries.map((e, i) => `convert${i}`).join(', ')}].map((convert) => {
  const { gradePoint, percentage } = convert({ policy: 'xinyu-2022', grade: 'B+' });
  return \`B+ → grade point \${gradePoint}, percentage \${percentage}\`;
}).join(' | ');
`);
  for (const { cmd, note } of section.commands) if (/^npx /.test(cmd) && !/development server/.test(note)) sh(cmd, dir);
  assert.ok(entries.length >= 1);
  return entries.map(() => EXPECTED).join(' | ');
}

/** Opens `url` and records everything that went wrong; `allow` excuses known failures. */
async function open(url, allow = () => false) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const problems = [];
  const workers = [];
  const origin = new URL(url).origin;
  // The browser's own favicon probe is not the page's request.
  const excused = (u) => new URL(u, url).pathname === '/favicon.ico' || allow(u);
  page.on('console', (m) => { if (m.type() === 'error' && !excused(m.location().url || url)) problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => { if (!excused(r.url())) problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`); });
  page.on('response', (r) => { if (r.status() >= 400 && !excused(r.url())) problems.push(`${r.status()}: ${r.url()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) problems.push(`foreign: ${r.url()}`); });
  page.on('worker', (w) => workers.push(w.url()));
  await page.addInitScript(() => {
    // Counts cohort results that arrive from a Worker thread (the fallback on the page's own
    // thread posts none) and the element's ready events.
    window.xcSeen = { workerResults: 0, ready: 0 };
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => { if (e.data?.phase === 'done') window.xcSeen.workerResults += 1; });
      }
    };
    document.addEventListener('exchange-calc-ready', () => { window.xcSeen.ready += 1; });
  });
  await page.goto(url);
  return { page, context, problems, workers };
}

const csv = () => {
  // s1: (3×3.7 + 2×3.3 + 1×0)/6 = 17.7/6 = 2.95; average (3×95 + 2×88 + 1×55)/6 = 516/6 = 86
  const file = path.join(scratch, 'cohort.csv');
  fs.writeFileSync(file, 'studentId,course,credits,grade\ns1,Calculus,3,A\ns1,Physics,2,B+\ns1,Writing,1,F\n');
  return file;
};

/** The page's own call, then (if the page has one) the element: ready, a grade, a cohort. */
async function checkPage(url, { worker = true, allow, expected = EXPECTED, element = true } = {}) {
  const { page, context, problems, workers } = await open(url, allow);
  try {
    await page.locator('#out', { hasText: 'B+' }).waitFor();
    assert.equal(await page.textContent('#out'), expected);
    const calc = page.locator('exchange-calc');
    if (element && await calc.count()) {
      await page.waitForSelector('exchange-calc[data-ready="true"]');
      assert.equal(await page.evaluate(() => window.xcSeen.ready), 1, 'one exchange-calc-ready event');
      await calc.getByLabel('Partner grade (letter or percentage score)').fill('b+');
      assert.match(await calc.getByTestId('single-result').textContent(), /grade point 3\.3, percentage 88/);
      await calc.getByRole('tab', { name: 'Cohort (offices)' }).click();
      await calc.getByLabel('Choose a CSV file').setInputFiles(csv());
      await calc.getByText('1 student, 3 rows; 0 rows had errors and were left out.').waitFor();
      assert.deepEqual(await calc.locator('.panel[data-panel=cohort] tbody tr').allTextContents(), ['s12.9586.0061']);
      const fallback = await calc.getByText(/background worker did not start/).count();
      const fromWorker = await page.evaluate(() => window.xcSeen.workerResults);
      if (worker) {
        assert.equal(fallback, 0, 'no fallback to the page thread');
        assert.equal(fromWorker, 1, 'the result came from the worker');
        assert.ok(workers.some((u) => u.startsWith(new URL(url).origin)), `a worker file from the site: ${workers}`);
      } else {
        assert.equal(fromWorker, 0);
        assert.equal(fallback, 1, 'the fallback says why');
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

/** Serves the folder a build wrote: dist/ when it has the page, else the project. */
async function checkBuild(dir, options) {
  const site = fs.existsSync(path.join(dir, 'dist/index.html')) ? path.join(dir, 'dist') : dir;
  const server = await serve(site);
  try {
    await checkPage(`${server.url}/`, options);
  } finally {
    await server.close();
  }
}

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

test('Vite: the build and the development server, with no config', async () => {
  const made = project('Vite');
  const { dir, servers } = made;
  await checkBuild(dir);
  assert.deepEqual(servers, ['npx vite']);
  const port = await freePort();
  const dev = spawn('sh', ['-c', `exec ${servers[0]} --port ${port} --strictPort --host 127.0.0.1`], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  dev.stdout.on('data', (d) => { log += d; });
  dev.stderr.on('data', (d) => { log += d; });
  try {
    // Vite colours its banner wherever a CI variable is set, even into a pipe: `:\x1b[1m42499`.
    for (let i = 0; !log.replace(/\x1b\[[0-9;]*m/g, '').includes(`:${port}`); i++) {
      assert.ok(i < 300 && dev.exitCode === null, `vite dev server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await checkPage(`http://127.0.0.1:${port}/`);
  } finally {
    if (dev.exitCode === null && dev.signalCode === null) {
      const exited = new Promise((r) => dev.once('exit', r));
      process.kill(-dev.pid); // npx and its vite: the group spawn made
      await exited;
    }
  }
  await checkBuild(dir, { expected: everyEntry(made), element: false });
});

test('webpack: a build with no config', async () => {
  const made = project('webpack');
  await checkBuild(made.dir);
  await checkBuild(made.dir, { expected: everyEntry(made), element: false });
});

test('esbuild: a build with the README\'s flags and copy', async () => {
  const made = project('esbuild');
  await checkBuild(made.dir);
  await checkBuild(made.dir, { expected: everyEntry(made) });
});

test('Node: await init() reads the wasm with no fetch', () => {
  const { outputs } = project('Node');
  const run = outputs.find((o) => o.cmd.startsWith('node '));
  assert.equal(run?.stdout.trim(), EXPECTED);
});

test('a copied folder: plain module scripts, the worker beside element.js', async () => {
  const made = project('A copied folder, no build step');
  const { dir } = made;
  await checkBuild(dir);
  await checkBuild(dir, { expected: everyEntry(made), element: false });
  fs.writeFileSync(path.join(dir, 'main.js'), made.section.files['main.js']);
  // Where the worker cannot start, the batch still runs, on the page, and the tool says why.
  fs.rmSync(path.join(dir, 'exchange-calc/js/batch-worker.js'));
  await checkBuild(dir, { worker: false, allow: (u) => /batch-worker\.js$/.test(u) });
});

test('TypeScript: tsc --strict over the package, with the DOM lib and without', () => {
  const base = { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022' };
  const configs = {
    // a bundler's project, the default libs (the DOM's among them)
    web: { file: 'npm-web.ts', options: { ...base, module: 'esnext', moduleResolution: 'bundler' } },
    // Node: the default libs, then no DOM lib, with @types/node and without
    'node16-default-libs': { file: 'npm-node.ts', options: { ...base, module: 'node16' } },
    'nodenext-types-node': { file: 'npm-node.ts', options: { ...base, module: 'nodenext', lib: ['es2022'], types: ['node'] } },
    'nodenext-no-types': { file: 'npm-node.ts', options: { ...base, module: 'nodenext', lib: ['es2022'], types: [] } },
  };
  // And every module entry in "exports" (the usage files import the main one).
  const { exports } = JSON.parse(fs.readFileSync(path.join(scratch, 'node_modules/exchange-calc/package.json'), 'utf8'));
  const entries = Object.keys(exports).filter((sub) => typeof exports[sub] === 'object');
  const everyEntry = `${entries.map((sub, i) => `import init${i}, { convertGrade as convert${i} } from 'exchange-calc${sub.slice(1)}';`).join('\n')}
${entries.map((sub, i) => `await init${i}();\nexport const point${i}: string | null = convert${i}({ policy: 'xinyu-2022', grade: 'B+' }).gradePoint;`).join('\n')}
`;
  for (const [name, { file, options }] of Object.entries(configs)) {
    const dir = path.join(scratch, `ts-${name}`);
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(repo, 'tests/types', file), path.join(dir, file));
    fs.writeFileSync(path.join(dir, 'entries.ts'), everyEntry);
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: [file, 'entries.ts'] }));
    let out = '';
    try {
      out = execFileSync(path.join(scratch, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8', env });
    } catch (e) {
      out = `${e.stdout}${e.stderr}`;
    }
    assert.equal(out.trim(), '', `${name}: ${out}`);
  }
});
