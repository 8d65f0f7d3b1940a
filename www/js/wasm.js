// Loads the two wasm modules once per page, however many app instances ask.
//
// - The grades module (pkg/exchange_calc_grades.js, ~60 KB gzip): policies, convertGrade and
//   computeGpa over the presets. The first tool answers from it, so a phone shows its first
//   result after a fraction of the bytes.
// - The full module (pkg/exchange_calc.js): every function, any policy. Loaded when a tool
//   that needs it is opened, or when the browser is idle, whichever comes first; for the
//   same request it answers exactly as the grades module does (tests/pages/entry-points).
//
// The glue resolves each .wasm file relative to its own URL, so this works from any host page.
// index.html's js/boot.js starts compiling the grades module as it downloads
// (`globalThis.__exchangeCalcCompiling`). The single-file build (scripts/lib/single.mjs) puts the
// full module's bytes in `globalThis.__exchangeCalcWasm`: there one module serves both roles.
import initGrades, * as gradesApi from '../pkg/exchange_calc_grades.js';

async function loadGrades() {
  const compiling = globalThis.__exchangeCalcCompiling;
  if (compiling) {
    try {
      await initGrades({ module_or_path: await compiling });
      return gradesApi;
    } catch { /* e.g. served without application/wasm: the glue's loading copes with that */ }
  }
  await initGrades();
  return gradesApi;
}

async function loadFull() {
  const api = await import('../pkg/exchange_calc.js');
  const bytes = globalThis.__exchangeCalcWasm;
  await api.default(bytes ? { module_or_path: bytes } : undefined);
  return api;
}

let gradesLoading;
let fullLoading;
let fullApi = null;

/** The full module, once: resolves to its exports after the wasm is instantiated. */
export function full() {
  fullLoading ??= loadFull().then((api) => { fullApi = api; return api; });
  return fullLoading;
}

/** The full module's exports if it has arrived, else null (never starts a download). */
export const fullIfLoaded = () => fullApi;

/**
 * The module the first tool answers from: the grades module, or the full one where it is the
 * only one (the single file) or already here.
 */
export function grades() {
  if (fullApi) return Promise.resolve(fullApi);
  gradesLoading ??= globalThis.__exchangeCalcWasm ? full() : loadGrades();
  return gradesLoading;
}

/**
 * Starts the batch worker. Written as one literal `new Worker(new URL(…, import.meta.url),
 * { type: 'module' })` so Vite and webpack find the worker and bundle it (with its own copy of
 * the glue); any other spelling leaves it unbundled or inlined, and it cannot load. Here, one
 * level below www/ like the worker itself, the URL is right both from the source modules and
 * from the page's bundle in js/ (scripts/lib/bundle.mjs).
 */
export const startBatchWorker = () => new Worker(new URL('./batch-worker.js', import.meta.url), { type: 'module' });
