// The tools, in tab order. Each: { id, mount(panel, ctx) } and its strings under `tab.<id>`.
import grades from './grades.js';
import credits from './credits.js';
import deadlines from './deadlines.js';

export const tools = [grades, credits, deadlines];
