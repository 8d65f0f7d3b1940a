// The embed builder page (embed-builder.html): the full module first — the builder checks
// every value with describePolicy and tries the samples — then the element for the preview,
// which finds the module already instantiated.
import init, * as api from '../pkg/exchange_calc.js';
import { h, replace } from './dom.js';
import { mountBuilder, dict } from './builder.js';

const host = document.getElementById('builder');
try {
  await init();
  await import('./element.js');
} catch (e) {
  // Before the builder, so before its language is known: both.
  replace(host, h('p', { class: 'error', role: 'alert' }, dict['b.loadFailed'].map((s) => s.replace('{msg}', String(e.message || e))).join(' ')));
  throw e;
}
mountBuilder(host, api);
document.body.dataset.ready = 'true';
