import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { deferredLine } from '../../src/incidents/applier.js';
import { capSummary, SUMMARY_MAX_BYTES } from '../../src/github/runner.js';

// GitHub refuses a job summary over 1 MiB: 10,000 alerts with incident issues on made 1.2 MB (review finding).
describe('the job summary stays under GitHub\'s 1 MiB', () => {
  it('the deferred-issues line names at most 20 findings', () => {
    const deferred = Array.from({ length: 10_000 }, (_, i) => ({ severity: 'sev2', title: `production: app alert alert-${i} ${'x'.repeat(30)}` }) as unknown as Finding);
    const line = deferredLine(deferred, 10)!;
    expect(line.length).toBeLessThan(2_000);
    expect(line).toMatch(/^10000 more findings not opened as issues \(at most 10 new per run\): .*; and 9980 more in the JSON report$/);
  });

  it('a summary over the limit is cut at a line boundary and says so; one under it is untouched', () => {
    const big = Array.from({ length: 40_000 }, (_, i) => `| row ${i} | ${'y'.repeat(30)} |`).join('\n');
    const out = capSummary(big);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES + 200);
    expect(Buffer.byteLength(out)).toBeLessThan(1024 * 1024);
    expect(out).toMatch(/\|\n\n…the summary was cut here to stay under GitHub's 1 MiB limit; the JSON report \(launchguard-report\.json\) has everything\.\n$/);
    expect(capSummary('small\n')).toBe('small\n');
  });
});
