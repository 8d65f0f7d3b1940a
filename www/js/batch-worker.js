// Runs batchGpa off the main thread, so a cohort file of any size never freezes the page.
// Messages in: { id, policy, locale, file }. Out: { id, phase: 'read'|'compute'|'done'|'error', … }.
import init, { batchGpa } from '../pkg/exchange_calc.js';

const ready = init();

async function readText(file, id) {
  // Streamed so the page can show how much of a large file has been read.
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  const parts = [];
  let done = 0;
  let last = 0;
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    parts.push(value);
    done += value.length;
    if (done - last > 256 * 1024) { last = done; self.postMessage({ id, phase: 'read', done, total: file.size }); }
  }
  return parts.join('');
}

self.onmessage = async ({ data }) => {
  const { id, policy, locale, file } = data;
  try {
    await ready;
    const csv = await readText(file, id);
    self.postMessage({ id, phase: 'compute', done: file.size, total: file.size });
    const result = batchGpa({ policy, csv, locale });
    self.postMessage({ id, phase: 'done', result });
  } catch (e) {
    self.postMessage({ id, phase: 'error', code: e.code || 'error', field: e.field || '', message: String(e.message || e) });
  }
};
