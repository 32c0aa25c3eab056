import type { Assertion } from './schema.js';
import type { AssertionResult } from './types.js';
import { readPath, show } from '../../core/json-path.js';

/** Judges one assertion on a parsed JSON body. Pure. */
export function checkAssertion(json: unknown, a: Assertion): AssertionResult {
  const read = readPath(json, a.path);
  const found = read.found ? show(read.value) : 'no such field';
  const value = read.found ? read.value : undefined;
  if (a.equals !== undefined) {
    return { path: a.path, expected: `= ${show(a.equals)}`, found, ok: read.found && value === a.equals };
  }
  if (a['one-of'] !== undefined) {
    const options = a['one-of'];
    return {
      path: a.path,
      expected: `one of ${options.map(show).join(', ')}`,
      found,
      ok: read.found && options.some((o) => o === value),
    };
  }
  if (a.below !== undefined) {
    return { path: a.path, expected: `< ${a.below}`, found, ok: typeof value === 'number' && Number.isFinite(value) && value < a.below };
  }
  const above = a.above as number;
  return { path: a.path, expected: `> ${above}`, found, ok: typeof value === 'number' && Number.isFinite(value) && value > above };
}
