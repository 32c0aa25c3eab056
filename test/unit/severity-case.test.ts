import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { parseOptions } from '../../src/options.js';

// Severity names are accepted in any case everywhere: the config as well as fail-on.
describe('severity names in any case', () => {
  const config = (extra: string) =>
    parseConfigText(
      `environments:
  p:
    url: https://api.example.com
    metrics:
      system:
        disk: { field: disk, levels: [{ at-least: 90, severity: SEV2 }] }
${extra}`,
      'lg.yml',
      {},
    ).config;

  it('levels, rule overrides and min-severity take SEV3 as sev3', () => {
    const c = config('severity:\n  health-failed: SEV1\n  health-latency: OFF\nincidents:\n  min-severity: Sev3\n');
    expect(c.environments.p!.metrics!.system!.disk!.levels![0]!.severity).toBe('sev2');
    expect(c.severity).toMatchObject({ 'health-failed': 'sev1', 'health-latency': 'off' });
    expect(c.incidents['min-severity']).toBe('sev3');
  });

  it('fail-on too', () => {
    const opts = parseOptions((n) => (n === 'fail-on' ? 'SEV3' : n === 'target-url' ? 'https://x.example' : ''), '/tmp/r.json');
    expect(opts.failOn).toBe('sev3');
  });
});
