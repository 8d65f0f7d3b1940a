// The tools, in tab order. Each module has one shape: { id, requires?, dict, initial?,
// summary?, mount(panel, ctx) }, its strings under `tab.<id>` and its own prefix; inside,
// state (the saved data and the API requests made from it), view (the DOM, built once) and
// actions (what the inputs do).
import grades from './grades.js';
import credits from './credits.js';
import funding from './funding.js';
import eligibility from './eligibility.js';
import deadlines from './deadlines.js';
import summary from './summary.js';
import quota from './quota.js';
import cohort from './cohort.js';

export const tools = [grades, credits, funding, eligibility, deadlines, summary, quota, cohort];
