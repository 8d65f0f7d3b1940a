// The Chromium side of scripts/bench: the same measurements as in Node, timed inside the page.
import init, * as api from '/www/pkg/exchange_calc.js';
import { plainBatchGpa } from '/bench/plain.mjs';
import { engine } from '/bench/measure.mjs';

await init();
const csv = await (await fetch('/target/bench/input.csv')).text();
window.bench = engine(api, plainBatchGpa, csv);
document.body.dataset.ready = 'true';
