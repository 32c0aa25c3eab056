/** Reads `a.b.0.c` from parsed JSON; `found: false` when any step is missing. */
export function readPath(root: unknown, path: string): { found: true; value: unknown } | { found: false } {
  let node: unknown = root;
  for (const seg of path.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(seg)) {
      const i = Number(seg);
      if (i >= node.length) return { found: false };
      node = node[i];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, seg)) {
      node = (node as Record<string, unknown>)[seg];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: node };
}

export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a number too large to read';
  if (nestedDeeperThan(v, 20)) return Array.isArray(v) ? '[…] (deeply nested)' : '{…} (deeply nested)';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** How deep parsed JSON may nest before a check refuses it: far above any real monitoring body. */
export const MAX_JSON_DEPTH = 64;

/**
 * True when `root` nests arrays or objects deeper than `max`. Iterative, with a bounded stack of
 * `max` frames' worth of children: a hostile 200 KB body of `[[[[…` is refused, never recursed into.
 */
export function nestedDeeperThan(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
