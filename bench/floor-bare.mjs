import init, { convertGrade } from '/www/pkg/exchange_calc_grades.js';

await init({ module_or_path: '/www/pkg/exchange_calc_grades_bg.wasm' });
const ready = performance.now();
const r = convertGrade({ policy: 'xinyu-2022', grade: 'B+' });
window.__first = { ready, result: performance.now(), gradePoint: r.gradePoint };
