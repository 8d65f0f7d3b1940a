// The tools, in tab order. Each: { id, mount(panel, ctx) } and its strings under `tab.<id>`.
import grades from './grades.js';
import credits from './credits.js';
import funding from './funding.js';
import eligibility from './eligibility.js';
import deadlines from './deadlines.js';
import quota from './quota.js';
import cohort from './cohort.js';

export const tools = [grades, credits, funding, eligibility, deadlines, quota, cohort];
