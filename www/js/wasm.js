// Loads the wasm once per page, however many app instances ask. The glue resolves the .wasm
// file relative to its own URL, so this works from any host page. The single-file build
// (scripts/lib/single.mjs) instead puts the bytes in `globalThis.__exchangeCalcWasm`, and
// index.html's js/boot.js starts compiling the file early in `globalThis.__exchangeCalcCompiling`.
import init, * as api from '../pkg/exchange_calc.js';

async function load() {
  const bytes = globalThis.__exchangeCalcWasm;
  if (bytes) return init({ module_or_path: bytes });
  const compiling = globalThis.__exchangeCalcCompiling;
  if (compiling) {
    try {
      return await init({ module_or_path: await compiling });
    } catch { /* e.g. served without application/wasm: the glue's loading copes with that */ }
  }
  return init();
}

let loading;
/** Resolves to the API module once the wasm is instantiated. */
export function ready() {
  loading ??= load().then(() => api);
  return loading;
}

/**
 * Starts the batch worker. Written as one literal `new Worker(new URL(…, import.meta.url),
 * { type: 'module' })` so Vite and webpack find the worker and bundle it (with its own copy of
 * the glue); any other spelling leaves it unbundled or inlined, and it cannot load. Here, one
 * level below www/ like the worker itself, the URL is right both from the source modules and
 * from js/app.bundle.js (scripts/lib/bundle.mjs).
 */
export const startBatchWorker = () => new Worker(new URL('./batch-worker.js', import.meta.url), { type: 'module' });
