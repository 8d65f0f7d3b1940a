// Realistic saved data for every tool (what a student or an office would have typed), for the
// layout, print and screenshot runs: the saved-state shape of www/js/shell.js, seeded into
// localStorage before the page loads. One bad cell on purpose in the grades and credits tables.
import { tempFile, watch } from './harness.mjs';

export const tools = {
  grades: {
    single: 'Ａ－',
    courses: [
      { name: 'Calculus II', credits: '3', grade: 'A' },
      { name: '大学物理（含实验）', credits: '4', grade: 'B+' },
      { name: 'Academic Writing for International Students', credits: '2', grade: 'A——' },
      { name: 'Linear Algebra', credits: '三', grade: 'B' },
      { name: 'Data Structures', credits: '3', grade: 'ｂ' },
      { name: '体育（游泳）', credits: '1', grade: 'P' },
    ],
    home: [
      { name: '高等数学', credits: '4', score: '86' },
      { name: '大学英语', credits: '3', score: '92' },
      { name: '线性代数', credits: '3', score: '78.5' },
      { name: '思想道德与法治', credits: '2', score: '89.5' },
    ],
  },
  credits: {
    semesters: '1',
    homePlanCredits: '20',
    courses: [
      { name: 'Calculus II', hours: '64', credits: '', system: 'us-semester', grade: 'A', core: true, shortProgram: false, category: 'majorRequired' },
      { name: 'Mechanics of Materials', hours: '', credits: '4', system: 'us-semester', grade: 'B+', core: true, shortProgram: false, category: 'majorRequired' },
      { name: 'Introduction to Economics', hours: '', credits: '7.5', system: 'ects', grade: 'A-', core: false, shortProgram: false, category: 'generalElective' },
      { name: 'Summer School: Robotics', hours: '32', credits: '', system: 'us-semester', grade: 'P', core: false, shortProgram: true, category: '' },
      { name: 'Thermodynamics', hours: '48', credits: '', system: 'us-semester', grade: 'F', core: true, shortProgram: false, category: 'majorRequired' },
      { name: 'Technical English', hours: '-16', credits: '', system: 'us-semester', grade: 'B', core: false, shortProgram: false, category: '' },
    ],
  },
  funding: {
    costs: [
      { item: 'tuition', amount: '3,000', currency: 'ＵＳＤ' },
      { item: 'management', amount: '2000', currency: '' },
      { item: 'accommodation', amount: '＄1,200', currency: 'usd' },
      { item: 'insurance', amount: '600', currency: '' },
      { item: 'airfare', amount: '8,500', currency: '' },
      { item: 'visa', amount: '1,100', currency: '' },
      { item: 'localTransport', amount: '150', currency: 'USD' },
      { item: 'personal', amount: '5000', currency: '' },
    ],
    rates: { USD: '7.1234' },
    economyFare: '6,800',
    economyFareCurrency: '',
    priorLixingFunding: false,
    otherFunding: false,
  },
  eligibility: {
    track: 'exchange',
    answers: { enrolled: 'yes', conductGood: 'yes', gpa: '3.2', ielts: '6.5', healthy: 'yes', canFund: 'yes', yearOfStudy: '2', programYears: '4', semesters: '1' },
  },
  deadlines: { arrival: '2026-09-01', end: '2027-01-20', year: '2027' },
  quota: {
    total: '9', method: 'largestRemainder', minimum: '',
    colleges: [{ name: '机械工程学院', students: '41' }, { name: '计算机学院', students: '37' }, { name: '外国语学院', students: '12' }, { name: '管理学院', students: '23' }],
  },
};

/** The policy each tool is looked at under (funding is the GDUT plan's LX-5). */
export const policyFor = (tool) => (tool === 'funding' ? 'gdut-lixing-2026' : 'xinyu-2022');

export const toolIds = ['grades', 'credits', 'funding', 'eligibility', 'deadlines', 'summary', 'quota', 'cohort'];

/** The saved state that opens `tool` in `lang` with every tool's data. */
export function savedState(tool, lang) {
  return { lang, policy: policyFor(tool), tab: tool, tools: structuredClone(tools) };
}

/** A cohort file with the Chinese header, a quoted name and one bad row (line 6). */
export function cohortFile() {
  return tempFile('cohort.csv', '\uFEFF学号,课程,学分,成绩\r\n2023010101,高等数学,3,A\r\n2023010101,"大学物理,实验",2,Ｂ＋\r\n2023010101,写作,1,F\r\n2023010102,线性代数,4,A+\r\n2023010102,体育,x,P\r\n2023010103,"History, modern",2,C\r\n');
}

/** Opens the app at `url` with `tool`'s data seeded; returns { page, context, problems }. */
export async function openTool(browser, url, tool, lang, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const state = savedState(tool, lang);
  await context.addInitScript((s) => {
    if (!sessionStorage.getItem('xc-seeded')) { localStorage.setItem('exchange-calc:v1', s); sessionStorage.setItem('xc-seeded', '1'); }
  }, JSON.stringify(state));
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const { problems } = watch(page, url);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  // The page is ready with the grades module; a tool that needs the full one shows its
  // skeleton until that arrives (staged loading).
  await page.waitForSelector(`.panel[data-panel="${tool}"][data-ready="true"]`, { timeout: 20000 });
  if (tool === 'cohort') {
    await page.locator('.panel[data-panel=cohort] input[type=file]').setInputFiles(cohortFile());
    await page.locator('.panel[data-panel=cohort] tbody tr').first().waitFor();
  }
  return { page, context, problems };
}
