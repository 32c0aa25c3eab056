import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script, without types
import { renumberChunks } from '../../scripts/chunk-ids.mjs';

// The build must give the same dist/ for the same sources: a cold ncc build once numbered the
// MongoDB chunk 328 and the next time 245, with every byte of it otherwise the same, and CI's
// check-dist failed. Chunks are renumbered from their content.
function bundle(ids: { mongo: number; shared: number }): string {
  const dir = mkdtempSync(join(tmpdir(), 'lg-chunks-'));
  writeFileSync(join(dir, 'index.js'), `const m = await Promise.all([__nccwpck_require__.e(${ids.mongo}), __nccwpck_require__.e(${ids.shared})]);\nconst s = await __nccwpck_require__.e(/* import() */ ${ids.shared});\nvar installedChunks = {\n 792: 0\n};\nconst x = __webpack_require__(95328);\n`);
  writeFileSync(join(dir, `${ids.mongo}.index.js`), `export const id = ${ids.mongo};\nexport const ids = [${ids.mongo},${ids.shared}];\nexport const modules = { 95328: () => __webpack_require__.e(${ids.shared}) };\n`);
  writeFileSync(join(dir, `${ids.shared}.index.js`), `export const id = ${ids.shared};\nexport const ids = [${ids.shared}];\nexport const modules = { 12348: () => 'zlib' };\n`);
  return dir;
}
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('chunk ids from content', () => {
  it('refuses a chunk load in a form it does not know, rather than leave a stale id', () => {
    const dir = bundle({ mongo: 328, shared: 263 });
    writeFileSync(join(dir, 'index.js'), `${readFileSync(join(dir, 'index.js'), 'utf8')}__nccwpck_require__.e(/* prefetch */ 328);\n`);
    expect(() => renumberChunks(dir)).toThrow(/chunk loads in a form/);
  });
  it('two builds whose chunks differ only in their webpack ids come out byte-identical', () => {
    const a = bundle({ mongo: 328, shared: 263 });
    const b = bundle({ mongo: 245, shared: 263 });
    expect(snapshot(a)).not.toEqual(snapshot(b));
    renumberChunks(a);
    renumberChunks(b);
    expect(snapshot(a)).toEqual(snapshot(b));
  });
  it('renumbers every reference consistently and leaves module ids and the entry chunk alone', () => {
    const dir = bundle({ mongo: 328, shared: 263 });
    renumberChunks(dir);
    const files = snapshot(dir);
    const chunkFiles = Object.keys(files).filter((f) => f !== 'index.js');
    expect(chunkFiles).toHaveLength(2);
    const [mongoFile] = chunkFiles.filter((f) => files[f]!.includes('95328'));
    const [sharedFile] = chunkFiles.filter((f) => files[f]!.includes('zlib'));
    const mongo = mongoFile!.split('.')[0];
    const shared = sharedFile!.split('.')[0];
    expect(files['index.js']).toContain(`__nccwpck_require__.e(${mongo}), __nccwpck_require__.e(${shared})`);
    expect(files[mongoFile!]).toContain(`export const id = ${mongo};\nexport const ids = [${mongo},${shared}];`);
    expect(files[mongoFile!]).toContain(`__webpack_require__.e(${shared})`);
    expect(files['index.js']).toContain(`__nccwpck_require__.e(/* import() */ ${shared})`);
    expect(files['index.js']).toContain('792: 0');
    expect(files['index.js']).toContain('__webpack_require__(95328)');
  });
});
