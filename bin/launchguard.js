#!/usr/bin/env node
// The launchguard CLI. The bundle needs Node 24 (zstd, fetch and the runtime GitHub gives actions),
// so an older Node gets one sentence and exit 2 before the bundle is loaded, never a stack trace.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `launchguard: needs Node 24 or newer, and this is Node ${process.versions.node}. Install Node 24 (for example with \`nvm install 24\`) and run it again.\n`,
  );
  process.exit(2);
}
await import('../dist/cli/index.js');
