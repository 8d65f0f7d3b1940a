// The TypeScript declarations type every input and result: a usage file compiles with
// `tsc --strict`, and its @ts-expect-error lines prove wrong inputs are rejected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { root } from './harness.mjs';

test('tsc --strict accepts real usage and rejects typos and wrong types', () => {
  const repo = path.resolve(root, '..');
  let out = '';
  try {
    out = execFileSync(path.join(repo, 'node_modules/.bin/tsc'), ['-p', path.join(repo, 'tests/types/tsconfig.json')], { encoding: 'utf8' });
  } catch (e) {
    out = `${e.stdout}${e.stderr}`;
  }
  assert.equal(out.trim(), '');
});
