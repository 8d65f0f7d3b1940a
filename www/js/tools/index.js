// The tools, in tab order. Each: { id, mount(panel, ctx) } and its strings under `tab.<id>`.
import grades from './grades.js';
import eligibility from './eligibility.js';
import cohort from './cohort.js';

export const tools = [grades, eligibility, cohort];
