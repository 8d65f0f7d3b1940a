// Loads the wasm once per page, however many app instances ask. The glue resolves the .wasm
// file relative to its own URL, so this works from any host page. The single-file build
// (scripts/lib/single.mjs) instead puts the bytes in `globalThis.__exchangeCalcWasm`.
import init, * as api from '../pkg/exchange_calc.js';

let loading;
/** Resolves to the API module once the wasm is instantiated. */
export function ready() {
  const bytes = globalThis.__exchangeCalcWasm;
  loading ??= init(bytes ? { module_or_path: bytes } : undefined).then(() => api);
  return loading;
}
