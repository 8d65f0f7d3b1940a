// Findings as a list: outcome, message, and the clause that opens the quoted text.
import { h, replace } from './dom.js';

export function renderFindings(list, findings, ctx) {
  replace(list, findings.map((f) => h('li', { class: `finding ${f.outcome}` },
    h('span', { class: 'outcome' }, ctx.t(f.outcome)), ' ', h('span', {}, f.message), ' ', ctx.clauseButton(f.clause))));
}

