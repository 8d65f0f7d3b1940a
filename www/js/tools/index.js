// The tools, in tab order. Each: { id, mount(panel, ctx) } and its strings under `tab.<id>`.
import grades from './grades.js';
import funding from './funding.js';
import quota from './quota.js';

export const tools = [grades, funding, quota];
