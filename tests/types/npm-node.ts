// Compiled by tests/pages/clients.test.mjs against the installed package, as a Node project
// would (module nodenext, no DOM lib, skipLibCheck false; with @types/node and without): the
// "node" entry.
import init, { attachForm, computeGpa, convertGrade, initSync, type GpaResult } from 'exchange-calc';

await init();
initSync();
initSync({ module: new Uint8Array(8) }); // bytes: a Buffer is one
const point: string | null = convertGrade({ policy: 'xinyu-2022', grade: 'B+' }).gradePoint;
const gpa: GpaResult = computeGpa({ policy: 'xinyu-2022', courses: [{ name: 'x', credits: 3, grade: 'A' }] });
// @ts-expect-error attachForm needs a page: no DOM lib, no form to pass
attachForm({}, { policy: 'xinyu-2022' });
// @ts-expect-error decimal results are strings
const n: number = gpa.gpaCredits;
export { point, n };
