/**
 * Reads as much as it can of a JSON text that was cut off (a monitoring body past its byte cap):
 * every complete value is kept, every open array and object is closed where the text stops, and
 * a value cut in half (a string, a number, a key without its value) is left out. Pure, iterative
 * and linear: no recursion, no backtracking; nesting past `maxDepth` stops the reading there.
 */
export function parseJsonPrefix(text: string, maxDepth = 64): unknown {
  type Frame = { readonly kind: 'array'; readonly value: unknown[] } | { readonly kind: 'object'; readonly value: Record<string, unknown>; key?: string };
  const stack: Frame[] = [];
  let root: unknown;
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  /** Places a complete value in the open container (or as the root). */
  const put = (v: unknown) => {
    const top = stack[stack.length - 1];
    if (!top) root = v;
    else if (top.kind === 'array') top.value.push(v);
    else if (top.key !== undefined) {
      Object.defineProperty(top.value, top.key, { value: v, enumerable: true, writable: true, configurable: true });
      top.key = undefined;
    }
  };
  /** The end of the string starting at `i` (its closing quote), or -1 when the text stops inside it. */
  const stringEnd = () => {
    for (let j = i + 1; j < n; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '"') return j;
    }
    return -1;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  while (true) {
    ws();
    if (i >= n) break;
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === ',') {
      i++;
      continue;
    }
    if (c === ']' || c === '}') {
      stack.pop();
      i++;
      continue;
    }
    if (top?.kind === 'object' && top.key === undefined) {
      // A key, then a colon.
      if (c !== '"') break;
      const end = stringEnd();
      if (end < 0) break;
      let key: string;
      try {
        key = JSON.parse(text.slice(i, end + 1)) as string;
      } catch {
        break;
      }
      i = end + 1;
      ws();
      if (text[i] !== ':') break;
      i++;
      top.key = key;
      continue;
    }
    if (c === '[' || c === '{') {
      if (stack.length >= maxDepth) break;
      const frame: Frame = c === '[' ? { kind: 'array', value: [] } : { kind: 'object', value: {} };
      put(frame.value);
      stack.push(frame);
      i++;
      continue;
    }
    if (c === '"') {
      const end = stringEnd();
      if (end < 0) break;
      try {
        put(JSON.parse(text.slice(i, end + 1)));
      } catch {
        break;
      }
      i = end + 1;
      continue;
    }
    let literal = false;
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        put(v);
        i += word.length;
        literal = true;
      }
    }
    if (literal) continue;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    // A number that reaches the end of the text may have lost digits: left out.
    if (!m || i + m[0].length >= n) break;
    put(Number(m[0]));
    i += m[0].length;
  }
  return root;
}
