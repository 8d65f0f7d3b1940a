// The tools, in tab order. Each module has one shape: { id, requires?, dict, initial?,
// summary?, mount(panel, ctx) }, its strings under its own prefix; inside, state (the saved
// data and the API requests made from it), view (the DOM, built once) and actions (what the
// inputs do). Their tab names are the shell's (js/i18n.js), so the tab strip needs no tool.
//
// The grades tool comes with the page's first bundle and answers from the small grades module;
// every other tool is its own chunk, loaded with the full module when its tab is opened or the
// browser is idle (`wasm: 'full'`); the program offices' tools (`office`) only when opened, so a
// student's phone never fetches them for nothing. The summary reads the student tools' answers
// (`uses`).
import grades from './grades.js';

export const tools = [
  { id: 'grades', wasm: 'grades', load: async () => grades },
  { id: 'credits', wasm: 'full', load: async () => (await import('./credits.js')).default },
  { id: 'funding', wasm: 'full', load: async () => (await import('./funding.js')).default },
  { id: 'eligibility', wasm: 'full', load: async () => (await import('./eligibility.js')).default },
  { id: 'deadlines', wasm: 'full', load: async () => (await import('./deadlines.js')).default },
  { id: 'summary', wasm: 'full', uses: ['grades', 'credits', 'funding', 'eligibility', 'deadlines'], load: async () => (await import('./summary.js')).default },
  { id: 'quota', wasm: 'full', office: true, load: async () => (await import('./quota.js')).default },
  { id: 'cohort', wasm: 'full', office: true, load: async () => (await import('./cohort.js')).default },
];

/** Every tool module (for tests that need all their dictionaries). */
export const loadAll = () => Promise.all(tools.map((x) => x.load()));
