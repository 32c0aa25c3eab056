// Builds the three bundles GitHub and the CLI run: dist/index.js (the action), dist/cli/ and dist/load-worker/.
// Usage: node scripts/build.mjs [out-dir]   (default: dist)
//
// ncc runs with --no-cache: its webpack filesystem cache (node_modules/.cache) numbers lazy chunks
// differently from a cold build (dist/94.index.js on one machine, dist/961.index.js on another), so
// a cached build is not reproducible. Even cold, webpack's "deterministic" chunk ids changed now
// and then for the same sources (the MongoDB chunk 328, then 245), so the lazy chunks are renumbered
// from their content (scripts/chunk-ids.mjs). scripts/check-dist.mjs checks it on every CI run.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { renumberChunks } from './chunk-ids.mjs';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'dist');
const ncc = resolve('node_modules/@vercel/ncc/dist/ncc/cli.js');
const bundles = [
  ['src/index.ts', out],
  ['src/cli/index.ts', join(out, 'cli')],
  ['src/scale/worker.ts', join(out, 'load-worker')],
];

// A clean folder: ncc leaves stale chunks of earlier builds behind.
rmSync(out, { recursive: true, force: true });
for (const [entry, dir] of bundles) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', dir, '--license', 'licenses.txt', '--no-cache', '--quiet'], { stdio: 'inherit' });
  renumberChunks(dir);
}

