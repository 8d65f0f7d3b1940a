// The first script of index.html, a classic `async` one so it runs as soon as it arrives,
// before the module bundle (deferred until the document is parsed): it starts compiling the
// grades module's wasm while it downloads (the <link rel=preload> fetch), so it is compiled,
// or nearly, by the time the app asks for it (js/wasm.js). Nothing else happens here.
if (typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function') {
  const wasm = new URL('../pkg/exchange_calc_grades_bg.wasm', document.currentScript.src);
  const compiling = WebAssembly.compileStreaming(fetch(wasm));
  compiling.catch(() => { /* js/wasm.js falls back to the glue's own loading */ });
  globalThis.__exchangeCalcCompiling = compiling;
}
