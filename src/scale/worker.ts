import { runLoad, type LoadTarget } from '../checks/load/run.js';
import type { LoadConfig } from '../checks/load/schema.js';
import { systemClock } from '../ports.js';

/**
 * A load generator process: it receives its share of the load from the parent over IPC, runs it
 * with autocannon, sends back the exact histogram and counters, and exits.
 */
process.once('message', (msg: { load: LoadConfig; target: LoadTarget }) => {
  runLoad(msg.load, msg.target, systemClock, () => new Date())
    .then((result) => process.send!({ ok: true, result }, () => process.disconnect()))
    .catch((err: unknown) => process.send!({ ok: false, error: err instanceof Error ? err.message : String(err) }, () => process.disconnect()));
});
