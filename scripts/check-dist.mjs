// dist/ is what GitHub runs, so it must be exactly what the sources build, on any machine.
// 1. Rebuilds dist/ and fails when it differs from what is committed.
// 2. Builds again into a folder elsewhere, with two CPU-bound processes running beside it (a busy
//    CI machine), and fails unless that build is byte-identical to the first.
// Usage: node scripts/check-dist.mjs [--no-load]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const build = (out) => execFileSync(process.execPath, ['scripts/build.mjs', ...(out ? [out] : [])], { stdio: ['ignore', 'ignore', 'inherit'] });

/** Every file below dir, relative, sorted. */
function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** The files that differ between two trees, or are only in one. */
function differences(a, b) {
  const fa = files(a);
  const fb = files(b);
  const all = [...new Set([...fa, ...fb])].sort();
  return all.filter((f) => !fa.includes(f) || !fb.includes(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

build();
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' }).trim();
if (changed) {
  console.error(`dist/ does not match the sources. Run \`npm run build\` and commit dist/:\n${changed}`);
  process.exit(1);
}

if (!process.argv.includes('--no-load')) {
  // Two busy loops that end by themselves after 10 minutes at the latest, even if this script dies.
  const burn = 'const end = Date.now() + 600000; while (Date.now() < end) {}';
  const burners = [0, 1].map(() => spawn(process.execPath, ['-e', burn], { stdio: 'ignore' }));
  const again = mkdtempSync(join(tmpdir(), 'launchguard-dist-'));
  try {
    build(again);
  } finally {
    for (const b of burners) b.kill();
  }
  const diff = differences('dist', again);
  rmSync(again, { recursive: true, force: true });
  if (diff.length) {
    console.error(`dist/ is not reproducible: a second build under CPU load, in another folder, differs in:\n${diff.join('\n')}`);
    process.exit(1);
  }
}
console.log('dist/ matches the sources, and a second build under CPU load is byte-identical.');
