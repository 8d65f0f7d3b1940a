// Runs batchGpa off the main thread, so a cohort file of any size never freezes the page.
// Messages in: { id, policy, locale, file }. Out: { id, phase: 'read'|'compute'|'done'|'error', … }.
import init, { batchGpa } from '../pkg/exchange_calc.js';

const ready = init();

// The file's bytes, streamed so the page can show how much of a large file has been read.
// batchGpa takes UTF-8 bytes as they are: decoding them to a string here would only have the
// glue encode them back to UTF-8 for the wasm.
async function readBytes(file, id) {
  const reader = file.stream().getReader();
  const bytes = new Uint8Array(file.size);
  let done = 0;
  let last = 0;
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    if (done + value.length > bytes.length) throw new Error('the file changed while it was read');
    bytes.set(value, done);
    done += value.length;
    if (done - last > 256 * 1024) { last = done; self.postMessage({ id, phase: 'read', done, total: file.size }); }
  }
  return bytes.subarray(0, done);
}

self.onmessage = async ({ data }) => {
  const { id, policy, locale, file } = data;
  try {
    await ready;
    const csv = await readBytes(file, id);
    self.postMessage({ id, phase: 'compute', done: file.size, total: file.size });
    const result = batchGpa({ policy, csv, locale });
    self.postMessage({ id, phase: 'done', result });
  } catch (e) {
    self.postMessage({ id, phase: 'error', code: e.code || 'error', field: e.field || '', message: String(e.message || e) });
  }
};
