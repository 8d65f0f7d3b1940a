// Rendering helpers. Everything user-supplied goes in as text (textContent / text nodes),
// never as HTML: course names and imported CSV can contain anything.

/** Creates an element. props: class, text, on<event>, properties (value, checked…) or attributes. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** An SVG element (for charts); attributes only. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}

/**
 * The page's own "choose a file" button over a hidden file input (the browser's own says
 * "Choose File" in the browser's language, not the page's, and is under 44 px tall), with the
 * chosen file's name beside it. The input keeps `label` as its name (tests and assistive tech
 * find it by it) and is emptied after each choice, so choosing the same file again (edited)
 * runs `onFile` again.
 */
export function filePicker({ label, accept, onFile }) {
  const name = h('span', { class: 'muted small file-name', hidden: true });
  const input = h('input', {
    type: 'file', accept, class: 'sr-only', tabindex: '-1', 'aria-hidden': 'true', 'aria-label': label,
    onchange: () => {
      const f = input.files?.[0];
      if (!f) return;
      name.textContent = f.name;
      name.hidden = false;
      input.value = '';
      onFile(f);
    },
  });
  return h('span', { class: 'file-pick' }, h('button', { type: 'button', onclick: () => input.click() }, label), input, name);
}

let uid = 0;
/** A unique id for label/aria wiring. */
export const nextId = (prefix) => `${prefix}-${++uid}`;

/**
 * A box for a table that may be wider than the screen: it scrolls sideways inside itself
 * (never the page) and, while it does, is a labelled region a keyboard can focus and scroll.
 */
export function scrollBox(label, ...children) {
  const box = h('div', { class: 'table-wrap' }, ...children);
  const check = () => {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    for (const [k, v] of [['tabindex', '0'], ['role', 'region'], ['aria-label', label]]) {
      if (scrolls) box.setAttribute(k, v); else box.removeAttribute(k);
    }
  };
  if (typeof ResizeObserver === 'function') {
    const ro = new ResizeObserver(check);
    ro.observe(box);
    for (const c of box.children) ro.observe(c);
  }
  return box;
}
