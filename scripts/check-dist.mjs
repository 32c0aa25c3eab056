// Rebuilds dist/ and fails when it differs from what is committed: GitHub runs dist/, not src/.
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' }).trim();
if (changed) {
  console.error(`dist/ does not match the sources. Run \`npm run build\` and commit dist/:\n${changed}`);
  process.exit(1);
}
console.log('dist/ matches the sources.');
