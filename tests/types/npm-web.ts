// Compiled by tests/pages/clients.test.mjs against the installed package, as a Vite or webpack
// project would (moduleResolution bundler, the DOM lib, skipLibCheck false): the web entry.
import init, { attachForm, convertGrade, initSync, type ExchangeCalcError, type GradeConversion } from 'exchange-calc';
import 'exchange-calc/element';

await init();
const wasm = await fetch(new URL('exchange_calc_bg.wasm', import.meta.url));
await init({ module_or_path: wasm });
const one: GradeConversion = convertGrade({ policy: 'xinyu-2022', grade: 'B+' });
const point: string | null = one.gradePoint;
const form = document.querySelector('form');
if (form) {
  using handle = attachForm(form, { policy: 'gdut-lixing-2026', locale: 'en' });
  const valid: boolean = handle.validate().valid;
  console.log(valid);
}
try {
  convertGrade({ policy: 'xinyu-2022', grade: 'Q' });
} catch (e) {
  console.log((e as ExchangeCalcError).field);
}
// @ts-expect-error in a browser initSync needs the bytes or a compiled module
initSync();
// @ts-expect-error a form, not any element
attachForm(document.createElement('div'), { policy: 'xinyu-2022' });
// @ts-expect-error grades are text or numbers
convertGrade({ policy: 'xinyu-2022', grade: true });
export { point };
