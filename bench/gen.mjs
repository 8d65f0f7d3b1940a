// The benchmark's input: a deterministic cohort CSV (fixed seed), laid out as a program office
// exports it: one grade sheet per course, one after another, so consecutive rows belong to
// different students and every row needs the student index. Letters (some lower-case),
// percentage scores (XYU-12.7(1)), pass/fail grades, fractional credits and a few quoted
// course names with commas and "" escapes.

/** mulberry32: a small seeded PRNG, so every run and every engine sees the same file. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F'];
const CREDITS = ['1', '2', '3', '4', '0.5', '1.5', '2.5', '3'];

/** Returns the CSV text: `students × courses` rows plus the header. */
export function generate(students = 50000, courses = 20, seed = 20260407) {
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const parts = ['studentId,course,credits,grade\n'];
  for (let c = 0; c < courses; c++) {
    const quoted = c % 7 === 3;
    const name = quoted ? `"Course ${c}, part ""${c % 3}"""` : `Course ${c}`;
    const credits = CREDITS[c % CREDITS.length];
    for (let s = 0; s < students; s++) {
      const r = rnd();
      let grade;
      if (r < 0.8) grade = pick(LETTERS);
      else if (r < 0.85) grade = pick(LETTERS).toLowerCase();
      else if (r < 0.95) grade = String(55 + Math.floor(rnd() * 46)) + (rnd() < 0.3 ? '.5' : '');
      else grade = rnd() < 0.5 ? 'P' : 'Pass';
      parts.push(`S${String(2024000000 + s)},${name},${credits},${grade}\n`);
    }
  }
  return parts.join('');
}
