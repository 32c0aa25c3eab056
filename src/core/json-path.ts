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
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
