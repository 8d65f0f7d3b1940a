// Compiled with `tsc --strict --noEmit` by tests/pages/types.test.mjs: the declarations in
// www/pkg/exchange_calc.d.ts type every input and result, and reject what the API rejects.
import init, {
  allocateQuota, checkCredits, checkEligibility, checklist, computeGpa, convertGrade, deadlines, deadlinesIcs,
  describePolicy, estimateFunding, homeGpa, policies, validateApplication,
  type ExchangeCalcError, type GpaResult, type Finding,
} from '../../www/pkg/exchange_calc.js';

export async function use(): Promise<string[]> {
  await init();
  const ids: string[] = policies().map((p) => p.id);
  const c = convertGrade({ policy: 'xinyu-2022', grade: 'Ｂ＋' });
  const point: string | null = c.gradePoint;
  const notes: Finding[] = convertGrade({ policy: 'xinyu-2022', grade: 68, sameStandard: true }).findings;
  const steps = checklist({ policy: 'xinyu-2022', departure: '2026-08-25', end: '2027-01-20' }).phases.flatMap((p) => p.steps);
  const phase: 'beforeDeparture' | 'abroad' | 'afterReturn' | undefined = checklist({ policy: 'gdut-lixing-2026' }).phases[0]?.phase;
  const dated: (string | null)[] = steps.map((s) => s.due);
  const gpa: GpaResult = computeGpa({ policy: { extends: 'xinyu-2022', minGpa: '3.0' }, courses: [{ name: 'x', credits: 3, grade: 'A' }] });
  const first: Finding | undefined = gpa.findings[0];
  const credits = checkCredits({ policy: 'xinyu-2022', semesters: 1, homePlanCredits: 20, courses: [{ name: 'x', hours: 64, grade: 'A', core: true }] });
  const recognized: string = credits.recognizedCredits;
  const taken: number = credits.coreTaken;
  const due: string[] = deadlines({ policy: 'xinyu-2022', end: '2026-11-30' }).map((d) => d.due);
  const ics: string = deadlinesIcs({ policy: 'xinyu-2022', end: '2026-11-30' });
  const money = estimateFunding({ policy: 'gdut-lixing-2026', costs: [{ item: 'airfare', amount: '9000' }], economyFare: 6500 });
  const shares: string[] = [money.school, money.college, money.student];
  const quota: number[] = allocateQuota({ total: 9, colleges: [{ name: 'A', students: 41 }], method: 'dhondt' }).map((q) => q.quota);
  const status: 'eligible' | 'ineligible' | 'review' = checkEligibility({ policy: 'xinyu-2022', track: 'exchange', applicant: { gpa: '3.2' } }).status;
  const valid: boolean = validateApplication({ policy: 'gdut-lixing-2026', form: { email: 'a@b.cn' } }).valid;
  const title: string = describePolicy({ policy: 'xinyu-2022' }).titleEn;
  const algos = homeGpa({ courses: [{ credits: 2, score: 86 }] }).algorithms.map((a) => a.id);
  try {
    convertGrade({ policy: 'xinyu-2022', grade: 'Q' });
  } catch (e) {
    const err = e as ExchangeCalcError;
    const where: string = `${err.code} ${err.field}`;
    ids.push(where);
  }

  // @ts-expect-error a typo in a key is an error (excess property check)
  computeGpa({ policy: 'xinyu-2022', courses: [], locle: 'en' });
  // @ts-expect-error grades are text or numbers
  convertGrade({ policy: 'xinyu-2022', grade: true });
  // @ts-expect-error an unknown quota method
  allocateQuota({ total: 9, colleges: [], method: 'webster' });
  // @ts-expect-error costs are required
  estimateFunding({ policy: 'gdut-lixing-2026' });
  // @ts-expect-error sameStandard is a yes/no fact
  computeGpa({ policy: 'xinyu-2022', courses: [], sameStandard: 'yes' });
  // @ts-expect-error a phase is one of three
  const wrongPhase: 'during'[] = checklist({ policy: 'xinyu-2022' }).phases.map((p) => p.phase);
  // @ts-expect-error decimal results are strings, not numbers
  const n: number = gpa.totalCredits;

  return [...ids, String(point), String(first?.clause), recognized, ...due, ics, ...shares, ...quota.map(String), status, String(valid), title, ...algos, String(n),
    ...notes.map((f) => f.code), ...dated.map(String), String(phase), String(taken), ...wrongPhase];
}
