// Loads the wasm once per page, however many app instances ask. The glue resolves the .wasm
// file relative to its own URL, so this works from any host page.
import init, * as api from '../pkg/exchange_calc.js';

let loading;
/** Resolves to the API module once the wasm is instantiated. */
export function ready() {
  loading ??= init().then(() => api);
  return loading;
}
