/**
 * bench/issues: GitHub API requests per run of the built action against the fake GitHub, by
 * situation: nothing changed, and k incidents changing (opening, still failing, recovering, closing).
 * Run: npm run bench:issues
 */
import { IncidentWorld } from '../test/helpers/incident-world.js';

const probes = (n: number) => Array.from({ length: n }, (_, i) => `      - { name: p${i}, path: /p${i}, retries: 0 }`).join('\n');
const cfg = (n: number) => `environments:\n  production:\n    health:\n${probes(n)}\nincidents:\n  max-new-per-run: 50\n`;

async function count(w: IncidentWorld, up: boolean, k: number): Promise<{ all: number; writes: number }> {
  w.up = up;
  const before = w.gh.log.length;
  await w.run({ config: cfg(k) });
  const reqs = w.gh.log.slice(before);
  return { all: reqs.length, writes: reqs.filter((r) => r.method !== 'GET').length };
}

const fmt = (c: { all: number; writes: number }) => `${c.all} (${c.writes} writes)`;
console.log('requests per run (writes in brackets); k = incidents changing in that run');
const quiet = await new IncidentWorld().start();
console.log(`nothing changed, healthy, no incident: ${fmt(await count(quiet, true, 3))}`);
await quiet.stop();
for (const k of [1, 2, 4, 8]) {
  const w = await new IncidentWorld().start();
  const open = await count(w, false, k);
  const still = await count(w, false, k);
  const recovering = await count(w, true, k);
  const close = await count(w, true, k);
  const after = await count(w, true, k);
  if (w.gh.violations.length) throw new Error(w.gh.violations.join('\n'));
  console.log(`k=${k}: open ${fmt(open)}, still failing ${fmt(still)}, recovering ${fmt(recovering)}, close ${fmt(close)}, nothing changed afterwards ${fmt(after)}`);
  await w.stop();
}
