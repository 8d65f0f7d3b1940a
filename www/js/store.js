// Local autosave: a student's entries survive reloads and errors. Nothing leaves the device.
// Corrupt saved data is set aside under another key (never thrown away, never a broken page).

const KEY = 'exchange-calc:v1';

function storage() {
  try { return window.localStorage; } catch { return null; } // blocked in some embeds
}

/** Loads the saved state. Returns { state, problem } where problem is set if data was corrupt. */
export function load(defaults) {
  const ls = storage();
  const raw = ls?.getItem(KEY);
  if (!raw) return { state: structuredClone(defaults), problem: null };
  try {
    const parsed = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return { state: { ...structuredClone(defaults), ...parsed }, problem: null };
  } catch (e) {
    const aside = `${KEY}:corrupt:${Date.now()}`;
    try { ls.setItem(aside, raw); ls.removeItem(KEY); } catch { /* quota: leave it */ }
    return { state: structuredClone(defaults), problem: { key: aside, reason: String(e.message || e) } };
  }
}

/** Saves the whole state (called after every change). */
export function save(state) {
  try { storage()?.setItem(KEY, JSON.stringify(state)); return true; } catch { return false; }
}

/** Removes everything this app saved, including set-aside corrupt copies. */
export function clearAll() {
  const ls = storage();
  if (!ls) return;
  for (const k of Object.keys(ls)) if (k === KEY || k.startsWith(`${KEY}:`)) ls.removeItem(k);
}
