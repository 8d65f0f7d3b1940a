// The example to copy: check a university's own <form> with the SPEC §8 rules, in the browser.
import init, { attachForm } from '../pkg/exchange_calc.js';

await init(); // loads exchange_calc_bg.wasm from next to exchange_calc.js
const form = document.querySelector('form');
// Rules: a bundled policy id (or a policy document); messages in the page's language.
// Keep the handle: if it is garbage-collected, the validator detaches.
const validator = attachForm(form, { policy: form.dataset.policy || 'gdut-lixing-2026', locale: document.documentElement.lang });

// attachForm blocks a submit with errors and focuses the first. Demo only: a valid form is not
// sent; show what would be, with the validator's normalized values (e.g. the phone without +86).
form.addEventListener('submit', (event) => {
  if (event.defaultPrevented) return;
  event.preventDefault();
  const data = { ...Object.fromEntries(new FormData(form)), ...validator.validate().normalized };
  document.getElementById('sent').textContent = document.getElementById('sent').dataset.message;
  document.getElementById('sent-data').textContent = JSON.stringify(data, null, 2);
});
document.body.dataset.ready = 'true'; // for the page tests
