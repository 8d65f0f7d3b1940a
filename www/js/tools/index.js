// The tools, in tab order. Each: { id, mount(panel, ctx) } and its strings under `tab.<id>`.
import grades from './grades.js';
import funding from './funding.js';
import eligibility from './eligibility.js';
import quota from './quota.js';
import cohort from './cohort.js';

export const tools = [grades, funding, eligibility, quota, cohort];
