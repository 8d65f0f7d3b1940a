// Measurements shared by Node and the Chromium page, so both engines run the same code.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Per-call latency in µs: the median over `batches` of the mean of `perBatch` calls, after a
 * second of warm-up calls (one batch of warm-up left V8 still tiering the glue and the wasm
 * up). Each call's fresh result is garbage for V8's young generation, which starts small and
 * grows with use: in one Node process the same build measures about 2.2 µs a call at first
 * and 1.4 once it has grown (1.4 from the start with --min-semi-space-size=16). The bench
 * takes the engine as it comes. */
export function perCall(fn, batches, perBatch) {
  const until = performance.now() + 1000;
  for (let i = 0; performance.now() < until; i++) fn(i); // warm-up
  const us = [];
  for (let b = 0; b < batches; b++) {
    const t = performance.now();
    for (let i = 0; i < perBatch; i++) fn(i);
    us.push(((performance.now() - t) / perBatch) * 1000);
  }
  return median(us);
}

const GRADES = ['A', 'b+', 'Ｂ＋', '88', 'C-', 'A+', 'd', 'F', '91.5', 'B-'];

/** A 60-course transcript, as a page would pass it. */
export function transcript60() {
  return Array.from({ length: 60 }, (_, i) => ({ name: `Course ${i + 1}`, credits: [1, 2, 3, 4, 0.5][i % 5], grade: GRADES[i % GRADES.length] }));
}

/** convertGrade and computeGpa(60 courses) latency through the exported wasm functions. */
export function latencies(api) {
  const inputs = GRADES.map((grade) => ({ policy: 'xinyu-2022', grade }));
  const courses = transcript60();
  const convertUs = perCall((i) => api.convertGrade(inputs[i % inputs.length]), 25, 2000);
  const gpaUs = perCall(() => api.computeGpa({ policy: 'xinyu-2022', courses }), 15, 100);
  return { convertUs, gpaUs };
}

/** Rounded GPAs and averages of two batch results agree (same students, same order)? */
export function sameTo2dp(a, b) {
  let mismatches = 0;
  if (a.students.length !== b.students.length) return { ok: false, mismatches: Math.abs(a.students.length - b.students.length) };
  for (let i = 0; i < a.students.length; i++) {
    const x = a.students[i]; const y = b.students[i];
    if (x.studentId !== y.studentId || x.gpa !== y.gpa || x.averagePercentage !== y.averagePercentage) mismatches++;
  }
  return { ok: mismatches === 0, mismatches };
}

/** One engine's handle for the driver: single timed runs (interleaved with the other engines
 * round by round, so a load spike on this shared machine hits all of them alike), the 2 dp
 * agreement check and the latencies. `api` is the initialized wasm module. */
export function engine(api, plainBatchGpa, csv) {
  // Each timed batch first collects what earlier runs left (50,000 result objects and 13 MB
  // of text per run, and the plain JS batch's as much again), where the engine exposes gc()
  // (scripts/bench: node --expose-gc, Chromium --js-flags=--expose-gc). Otherwise a run pays
  // for a major collection of other runs' garbage, as native never does: one Chromium run in
  // five took 320 ms where the others took about 200.
  const time = (fn) => { globalThis.gc?.(); const t = performance.now(); fn(); return performance.now() - t; };
  // The same file as UTF-8 bytes, as the page's worker passes it (no decode, no re-encode).
  const bytes = new TextEncoder().encode(csv);
  return {
    wasm: () => time(() => api.batchGpa({ policy: 'xinyu-2022', csv })),
    wasmUtf8: () => time(() => api.batchGpa({ policy: 'xinyu-2022', csv: bytes })),
    js: () => time(() => plainBatchGpa(csv)),
    check() {
      const w = api.batchGpa({ policy: 'xinyu-2022', csv });
      const j = plainBatchGpa(csv);
      return { students: w.students.length, errors: w.errorCount, jsErrors: j.errors.length, agree: sameTo2dp(w, j) };
    },
    latencies: () => latencies(api),
    // What the string path's batch spends in JS rather than in the wasm, timed apart on the
    // same data (medians of 5): TextEncoder.encodeInto on the way in (into wasm memory
    // there, into an array of the same size here), the glue's TextDecoder and JSON.parse of
    // the result text on the way out.
    boundary() {
      // The result's text as the wasm writes it: ASCII, anything else as \u escapes
      // (crates/batch/src/json.rs), so it decodes to a one-byte string. The glue's decoder
      // is fatal and ignores a BOM.
      const text = JSON.stringify(api.batchGpa({ policy: 'xinyu-2022', csv: bytes }))
        .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const utf8 = new TextEncoder().encode(text);
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
      const into = new Uint8Array(bytes.length);
      const med5 = (fn) => median(Array.from({ length: 5 }, () => time(fn)));
      return {
        encodeMs: med5(() => new TextEncoder().encodeInto(csv, into)),
        decodeMs: med5(() => decoder.decode(utf8)),
        parseMs: med5(() => JSON.parse(text)),
        resultBytes: utf8.length,
      };
    },
  };
}
