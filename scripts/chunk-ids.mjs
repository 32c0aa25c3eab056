import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Lazy chunks numbered by their content. webpack's "deterministic" chunk ids still came out
 * different for the same sources now and then (the MongoDB chunk was 328 in one cold build and 245
 * in the next, byte for byte the same otherwise), so each chunk's id is replaced by one derived from
 * a hash of its content with every chunk id blanked out: the same code gives the same file names.
 * Chunk ids appear in exactly three forms: `__nccwpck_require__.e(ID)` where a chunk is loaded
 * (`__webpack_require__.e(ID)` inside a chunk; either may carry webpack's import() comment),
 * and `export const id = ID;` and `export const ids = [ID, ...];` (the chunks a file also satisfies)
 * in the chunk itself.
 */
export function renumberChunks(dir) {
  // `__nccwpck_require__.e(245)`, also with webpack's comment: `__nccwpck_require__.e(/* import() */ 720)`.
  // Inside a chunk the runtime is `__webpack_require__`: `__webpack_require__.e(960)`.
  const LOAD = /(__nccwpck_require__|__webpack_require__)\.e\((\/\* import\(\) \*\/ )?(\d+)\)/g;
  const ID_LINE = /^export const id = (\d+);$/m;
  const IDS_LINE = /^export const ids = \[([\d,]+)\];$/m;
  const chunks = readdirSync(dir).filter((f) => /^\d+\.index\.js$/.test(f)).map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const blank = text.replace(LOAD, (_, req, note = '') => `${req}.e(${note}ID)`).replace(ID_LINE, 'export const id = ID;').replace(IDS_LINE, (_, list) => `export const ids = [${list.split(',').length}];`);
    return { file: f, old: f.split('.')[0], hash: createHash('sha256').update(blank).digest('hex') };
  });
  chunks.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const ids = new Map();
  const used = new Set();
  for (const c of chunks) {
    // Six digits, above the entry chunk's own three-digit id; a clash (never seen) takes the next free one.
    let id = 100000 + (parseInt(c.hash.slice(0, 8), 16) % 900000);
    while (used.has(id)) id = 100000 + ((id - 100000 + 1) % 900000);
    used.add(id);
    ids.set(c.old, String(id));
  }
  const renumber = (text, file) => {
    // Every chunk load must be one of the forms above: an id left unrenumbered would load a file that is not there.
    const calls = text.split('__nccwpck_require__.e(').length - 1 + text.split('__webpack_require__.e(').length - 1;
    const matched = [...text.matchAll(LOAD)].length;
    if (calls !== matched) throw new Error(`${file}: ${calls - matched} chunk loads in a form scripts/chunk-ids.mjs does not know`);
    return text.replace(LOAD, (_, req, note = '', id) => `${req}.e(${note}${ids.get(id) ?? id})`);
  };
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const path = join(dir, f);
    const text = readFileSync(path, 'utf8');
    const out = renumber(text, path);
    if (out !== text) writeFileSync(path, out);
  }
  for (const c of chunks) {
    const id = ids.get(c.old);
    const path = join(dir, c.file);
    const text = readFileSync(path, 'utf8')
      .replace(ID_LINE, `export const id = ${id};`)
      .replace(IDS_LINE, (_, list) => `export const ids = [${list.split(',').map((x) => ids.get(x) ?? x).join(',')}];`);
    writeFileSync(path, text);
    renameSync(path, join(dir, `${id}.index.js`));
  }
}
