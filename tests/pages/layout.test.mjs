// Phone first (issue 15): every tool with realistic data (fixtures.mjs), at 320, 360, 375, 768
// and 1280 px (320 and 360: small phones, and 375 ones set to a larger display size), in both
// languages. The document never scrolls sideways; no number, date or clause chip
// wraps inside itself; nothing is cut off at the right (tabs, policy titles) and no select's
// chosen option is cut off; and the styles
// that carry meaning hold: the funding bar's payer colours, the red frame of a forfeit
// deadline, 44 px touch targets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './harness.mjs';
import { openTool, toolIds } from './fixtures.mjs';

let server; let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** What is wrong with the page as laid out, in words; [] when nothing is. */
function inspect(tool) {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw) problems.push(`the document scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
  const panel = document.querySelector(`.panel[data-panel="${tool}"]`);
  if (!panel || panel.hidden || !panel.textContent.trim()) problems.push(`the ${tool} panel is not shown`);
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  // One line each: the text's boxes all overlap vertically (a smaller font on the same line
  // starts lower, but still overlaps).
  const atoms = '.stat-value, button.clause, .badge, .grid td.num, .grid thead th:not(.num):not(:has(> .sr-only)), .grid td.out output, time, .f-lines td.num, .nowrap, .verdict-icon';
  let checked = 0;
  for (const el of document.querySelectorAll(atoms)) {
    if (!shown(el) || !el.textContent.trim()) continue;
    checked++;
    // A header may wrap between its words, not inside one.
    if (el.matches('thead th') && /\s/.test(el.textContent.trim())) continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = [];
    for (const r of [...range.getClientRects()].filter((x) => x.width > 0).sort((a, b) => a.top - b.top)) {
      const line = lines.find((l) => r.top < l.bottom - 1 && r.bottom > l.top + 1);
      if (line) { line.top = Math.min(line.top, r.top); line.bottom = Math.max(line.bottom, r.bottom); } else lines.push({ top: r.top, bottom: r.bottom });
    }
    if (lines.length > 1) problems.push(`"${el.textContent.trim()}" (${el.className || el.tagName}) wraps onto ${lines.length} lines`);
  }
  // Every tool with its fixture shows some of them; none means the selectors went stale.
  if (!checked) problems.push(`no ${atoms} to check in ${tool}`);
  // Nothing cut off at the viewport's edge or inside its own box.
  for (const el of document.querySelectorAll('[role=tab], .policy-choice, .bar h1, .lang')) {
    const r = el.getBoundingClientRect();
    if (shown(el) && (r.right > vw + 0.5 || r.left < -0.5)) problems.push(`"${el.textContent.trim()}" is outside the viewport (${Math.round(r.left)}–${Math.round(r.right)})`);
    if (shown(el) && el.scrollWidth > el.clientWidth + 1) problems.push(`"${el.textContent.trim()}" is cut off inside its box`);
  }
  // A select cannot wrap: its chosen option must fit. A copy holding only that option, sized
  // to its content, is the width the select needs.
  for (const el of panel?.querySelectorAll('select') ?? []) {
    const chosen = el.selectedOptions[0];
    if (!shown(el) || !chosen) continue;
    const copy = el.cloneNode(false);
    copy.append(chosen.cloneNode(true));
    Object.assign(copy.style, { position: 'absolute', visibility: 'hidden', width: 'auto', minWidth: '0', maxWidth: 'none' });
    el.parentElement.append(copy);
    const need = copy.getBoundingClientRect().width;
    copy.remove();
    const have = el.getBoundingClientRect().width;
    if (need > have + 1) problems.push(`the select's "${chosen.textContent.trim()}" is cut off (${Math.round(have)} px of ${Math.round(need)})`);
  }
  // Touch targets: every control a finger presses is 44 px tall (radio and check boxes sit in
  // 44 px labels), except the clause chips and links inside text.
  for (const el of panel?.querySelectorAll('input:not([type=radio]):not([type=checkbox]):not([type=file]), select, button:not(.clause):not(.link)') ?? []) {
    if (!shown(el)) continue;
    const h = el.getBoundingClientRect().height;
    if (h < 43.5) problems.push(`${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') || el.textContent.trim() || el.id}" is ${Math.round(h)} px tall`);
  }
  // Styles that carry meaning.
  const app = document.querySelector('.xc-app');
  const colour = (name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    app.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  };
  if (tool === 'funding') {
    const bars = [...document.querySelectorAll('svg.f-stack rect.f-bar')];
    if (bars.length !== 3) problems.push(`${bars.length} funding bar segments`);
    for (const [payer, name] of [['school', '--accent'], ['college', '--pass'], ['student', '--review']]) {
      const bar = document.querySelector(`svg.f-stack rect.f-${payer}`);
      const fill = bar && getComputedStyle(bar).fill;
      if (fill !== colour(name)) problems.push(`the ${payer} bar is ${fill}, not ${name} ${colour(name)}`);
    }
    const amounts = document.querySelector('[data-testid=f-total]')?.textContent ?? '';
    if (!/\d,\d{3}\.\d\d/.test(amounts)) problems.push(`the total "${amounts}" has no thousands separator`);
  }
  if (tool === 'deadlines') {
    const forfeit = document.querySelector('.deadline.forfeit');
    if (!forfeit) problems.push('no forfeit deadline');
    else if (getComputedStyle(forfeit).borderLeftColor !== colour('--fail')) problems.push(`the forfeit deadline's frame is ${getComputedStyle(forfeit).borderLeftColor}`);
    if (!document.querySelector('.deadline.forfeit .consequence')) problems.push('the forfeit deadline does not say what happens');
  }
  if (tool === 'summary') {
    // The sheet is read (and printed) whole: its tables fit a phone without scrolling.
    for (const wrap of panel.querySelectorAll('.table-wrap')) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) problems.push(`a summary table scrolls sideways: ${wrap.scrollWidth} > ${wrap.clientWidth}`);
    }
  }
  if (tool === 'cohort') {
    const progress = document.querySelector('.panel[data-panel=cohort] progress');
    if (progress && getComputedStyle(progress).display !== 'none') problems.push('the progress bar shows after the run');
  }
  return problems;
}

for (const lang of ['zh-CN', 'en']) {
  for (const width of [320, 360, 375, 768, 1280]) {
    test(`every tool at ${width} px (${lang})`, async () => {
      const found = [];
      for (const tool of toolIds) {
        const { page, context, problems } = await openTool(browser, server.url, tool, lang, { viewport: { width, height: 900 } });
        try {
          found.push(...(await page.evaluate(inspect, tool)).map((p) => `${tool}: ${p}`));
          found.push(...problems.map((p) => `${tool}: ${p}`));
        } finally {
          await context.close();
        }
      }
      assert.deepEqual(found, []);
    });
  }
}
