import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { parseConfigText } from '../../src/config/load.js';

const FILE = '.github/launchguard.yml';
const env = { TOKEN: 'tok-secret-123', API: 'https://api.example.com', EMPTY: '' };

function problems(text: string, e: NodeJS.ProcessEnv = env): string {
  try {
    parseConfigText(text, FILE, e);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('config: good files', () => {
  it('${NAME:-} may be empty, or unset', () => {
    const { config } = parseConfigText('environments:\n  p:\n    url: https://x.example\n    headers:\n      X-Opt: "a${EMPTY:-}b${UNSET:-}c"\n', FILE, env);
    expect(config.environments.p!.headers!['X-Opt']).toBe('abc');
  });

  it('parses the example config with defaults filled in', () => {
    const text = readFileSync('examples/launchguard.yml', 'utf8');
    const { config, secrets } = parseConfigText(text, 'examples/launchguard.yml', { MONITORING_TOKEN: 'abc-123-xyz' });
    const prod = config.environments.production!;
    expect(prod.url).toBe('https://api.example.com');
    expect(prod.health?.map((p) => p.name)).toEqual(['api-health', 'plans']);
    const h = prod.health![0]!;
    expect(h.timeout).toBe(5000);
    expect(h['latency-budget']).toBe(1000);
    expect(h.method).toBe('GET');
    expect(h.expect.status).toBe(200);
    expect(prod.health![1]!.expect).toEqual({ status: '2xx', body: [] });
    expect(prod.metrics?.alerts).toMatchObject({ path: '/api/monitoring/alerts', items: 'alerts', level: 'level' });
    expect(prod.headers).toEqual({ Authorization: 'Bearer abc-123-xyz' });
    expect(secrets).toEqual(['abc-123-xyz']);
  });

  it('interpolates ${NAME} anywhere and keeps $${ as a literal', () => {
    const { config } = parseConfigText(
      'environments:\n  prod:\n    url: ${API}\n    health:\n      - name: a\n        path: /x?q=$${literal}\n',
      FILE,
      env,
    );
    expect(config.environments.prod!.url).toBe('https://api.example.com');
    expect(config.environments.prod!.health![0]!.path).toBe('/x?q=${literal}');
  });

  it('accepts durations with their unit and severity overrides', () => {
    const { config } = parseConfigText(
      'environments:\n  p:\n    health:\n      - { name: a, timeout: 250ms, latency-budget: 2m }\nseverity:\n  health-latency: sev2\n  alert-info: off\n',
      FILE,
      env,
    );
    expect(config.environments.p!.health![0]!.timeout).toBe(250);
    expect(config.environments.p!.health![0]!['latency-budget']).toBe(120_000);
    expect(config.severity).toEqual({ 'health-latency': 'sev2', 'alert-info': 'off' });
  });
});

describe('config: each kind of error names the file, the key path, what was expected and what was found', () => {
  it.each([
    ['YAML syntax', 'environments:\n  prod:\n    health: [\n', /launchguard\.yml:4: \(top level\): YAML syntax/],
    ['empty file', '', /expected a mapping with `environments:`, found an empty file/],
    ['unknown key (a typo)', 'environments:\n  prod:\n    helth: []\n', /launchguard\.yml:3: environments\.prod: unknown key "helth"/],
    ['unknown key in a probe', 'environments:\n  p:\n    health:\n      - name: a\n        retry: 3\n', /environments\.p\.health\[0\]: unknown key "retry"/],
    ['wrong type', 'environments:\n  p:\n    health:\n      - name: a\n        retries: "three"\n', /environments\.p\.health\[0\]\.retries: expected number, found "three"/],
    ['bad duration', 'environments:\n  p:\n    health:\n      - name: a\n        timeout: soon\n', /health\[0\]\.timeout: expected a duration such as "500ms", "5s" or "2m", found "soon"/],
    ['missing environment variable', 'environments:\n  p:\n    url: ${NOPE}\n', /launchguard\.yml:3: environments\.p\.url: the environment variable NOPE is not set/],
    // GitHub passes an undefined secret as an empty string (issue 19).
    ['an empty environment variable', 'environments:\n  p:\n    headers:\n      Authorization: "Bearer ${EMPTY}"\n', /launchguard\.yml:4: environments\.p\.headers\.Authorization: the environment variable EMPTY is empty \(GitHub passes a secret that is not defined as an empty string\) \(referenced as \$\{EMPTY\}; write \$\{EMPTY:-\} where empty is fine\)/],
    ['bad enum', 'environments:\n  p:\n    health:\n      - name: a\n        method: FETCH\n', /health\[0\]\.method: expected one of "GET", .*found "FETCH"/],
    ['missing required key', 'environments:\n  p:\n    health:\n      - path: /x\n', /health\[0\]\.name: required: expected string, found nothing/],
    ['assertion with two comparators', 'environments:\n  p:\n    health:\n      - name: a\n        expect:\n          body:\n            - { path: x, equals: 1, below: 3 }\n', /expect\.body\[0\]: expected exactly one of equals, one-of, below, above/],
    ['unknown severity rule', 'environments: {}\nseverity:\n  health-down: sev1\n', /launchguard\.yml:3: severity: unknown key "health-down"/],
    ['bad severity value', 'environments: {}\nseverity:\n  health-failed: critical\n', /severity\.health-failed: expected sev1, sev2, sev3, sev4 or off/],
    ['bad url', 'environments:\n  p:\n    url: ftp://x\n', /environments\.p\.url: expected an http\(s\) URL/],
    ['bad level', 'environments:\n  p:\n    metrics:\n      system:\n        cpu: { field: c, levels: [{ severity: sev9, above: 1 }] }\n', /cpu\.levels\[0\]\.severity: expected one of "sev1", "sev2", "sev3", "sev4", found "sev9"/],
  ])('%s', (_kind, text, pattern) => {
    const msg = problems(text);
    expect(msg).toContain(FILE);
    expect(msg).toMatch(pattern);
  });

  it('reports every problem at once, each on its own line', () => {
    const msg = problems('environments:\n  p:\n    helth: []\n    url: 3\n');
    expect(msg).toMatch(/2 problems/);
    const lines = msg.split('\n').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/:3: environments\.p: unknown key "helth"/);
    expect(lines[1]).toMatch(/:4: environments\.p\.url: expected string, found number 3/);
  });

  it('does not print the value of a secret it could not use', () => {
    const msg = problems('environments:\n  p:\n    url: ${TOKEN}\n');
    expect(msg).toMatch(/environments\.p\.url: expected an http\(s\) URL, found a value taken from the environment/);
    expect(msg).not.toContain('tok-secret-123');
  });
});
