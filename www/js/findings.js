// Findings as a list: outcome, message, and the clause that opens the quoted text.
import { h, replace } from './dom.js';

/** `extra(f)`: more to show after a finding's clause (eligibility's "what to do"), or null. */
export function renderFindings(list, findings, ctx, extra = () => null) {
  replace(list, findings.map((f) => h('li', { class: `finding ${f.outcome}`, 'data-code': f.code },
    h('span', { class: 'outcome' }, ctx.t(f.outcome)), ' ', h('span', {}, f.message), ' ', ctx.clauseButton(f.clause), extra(f))));
}

