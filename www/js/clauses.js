// A policy's quoted clause texts, shared by the shell's clause dialog and the rules in words
// (policy-view.js, loaded only when opened: the main bundle imports this, not that).

/** A clause's quoted text ({ zh, en }) or null; an item such as "XYU-12.7(2)" is quoted under "XYU-12.7". */
export const clauseText = (info, id) => (id ? info?.clauses?.[id] ?? info?.clauses?.[id.replace(/\(\d+\)$/, '')] ?? null : null);
