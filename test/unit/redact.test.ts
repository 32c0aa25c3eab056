import { describe, expect, it } from 'vitest';
import { displayUrl, hideUrlSecrets, Redactor } from '../../src/report/redact.js';
import { oneLine } from '../../src/github/runner.js';
import { joinUrl } from '../../src/http/target.js';

describe('Redactor', () => {
  it('masks registered secrets, their encoded forms, and URL passwords, and tells the runner', () => {
    const masked: string[] = [];
    const r = new Redactor((s) => masked.push(s));
    r.add('tok/en+1234');
    r.addSecretUri('mongodb://app:p%40ss-word@db.example.com:27017/dowurk');
    expect(masked).toEqual(expect.arrayContaining(['tok/en+1234', 'tok%2Fen%2B1234', 'p%40ss-word', 'p@ss-word']));
    expect(r.text('Bearer tok/en+1234 and tok%2Fen%2B1234')).toBe('Bearer *** and ***');
    expect(r.text('connect https://u:other@h failed')).toBe('connect https://h/ failed');
    expect(r.text('the password p@ss-word leaked')).toBe('the password *** leaked');
  });

  it('shows a URL as origin and path: no userinfo, `?…` for the query', () => {
    const r = new Redactor();
    r.addUrl('https://user:pw-1234@api.example.com/health?token=abcdefgh12&v=1');
    expect(r.text('GET https://api.example.com/health?token=abcdefgh12&v=1: 503')).toBe('GET https://api.example.com/health?…: 503');
    // The long query value is a secret on its own too, wherever it stands; a short one is not.
    expect(r.text('echoed abcdefgh12 back, v=1')).toBe('echoed *** back, v=1');
    expect(r.text('pw-1234 in an error')).toBe('*** in an error');
    expect(displayUrl('https://u:p@h.example/a/b?x=1#frag')).toBe('https://h.example/a/b?…#frag');
    expect(displayUrl('not a url')).toBeUndefined();
  });

  it('masks a short query value under a credential-like name, but not a short one under any other name', () => {
    const r = new Redactor();
    r.addUrl('https://x.example/a?token=q7Zx9k1&env=prod&x-vercel-protection-bypass=byp4ss&apiKey=k3y9');
    expect(r.text('/a?token=q7Zx9k1 in production, byp4ss, k3y9')).toBe('/a?token=*** in production, ***, ***');
  });

  it('hides userinfo and the query of URLs it was never told about, MongoDB seed lists included', () => {
    expect(hideUrlSecrets('see https://a.example/x?k=v, and "http://u:p@b.example/y"')).toBe('see https://a.example/x?…, and "http://b.example/y"');
    expect(hideUrlSecrets('mongodb://app:pw@h1:27017,h2:27017/db?authSource=admin failed')).toBe('mongodb://h1:27017,h2:27017/db?… failed');
    expect(hideUrlSecrets('no url here: a://')).toBe('no url here: a://');
    expect(hideUrlSecrets('https://plain.example/path stays')).toBe('https://plain.example/path stays');
  });

  it('leaves the host of a URL without a password readable, and ignores values too short to mask', () => {
    const r = new Redactor();
    r.addUrl('https://api.example.com/health');
    r.add('ab');
    expect(r.text('https://api.example.com/health ab')).toBe('https://api.example.com/health ab');
  });

  it('redacts every string of a nested value without changing its shape, except encoded histograms', () => {
    const r = new Redactor();
    r.add('s3cr3t-value');
    expect(r.value({ a: ['x s3cr3t-value', 3], b: { c: 's3cr3t-value', histogram: 's3cr3t-value' }, d: null })).toEqual({
      a: ['x ***', 3],
      b: { c: '***', histogram: 's3cr3t-value' },
      d: null,
    });
  });

  it('walks a value 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 's3cr3t-value';
    for (let i = 0; i < 100_000; i++) deep = { x: deep };
    const r = new Redactor();
    r.add('s3cr3t-value');
    let out = r.value(deep) as { x: unknown };
    for (let i = 0; i < 100_000; i++) out = out.x as { x: unknown };
    expect(out).toBe('***');
  });
});

describe('log lines', () => {
  it('cannot start a workflow command: one line, and a leading :: is broken', () => {
    expect(oneLine('opened #4 x\n::warning::pwned\r\n::add-mask::launchguard')).toBe('opened #4 x ::warning::pwned ::add-mask::launchguard');
    expect(oneLine('::error::x')).toBe('\u200b::error::x');
  });
});

describe('joinUrl', () => {
  it.each([
    ['https://x.example/api', '/health', 'https://x.example/api/health'],
    ['https://x.example/api/', 'health', 'https://x.example/api/health'],
    ['https://x.example/?bypass=tok', '/health', 'https://x.example/health?bypass=tok'],
    ['https://x.example/?bypass=tok', '/health?deep=1', 'https://x.example/health?bypass=tok&deep=1'],
    ['https://x.example', '', 'https://x.example'],
    ['https://x.example', 'https://other.example/h', 'https://other.example/h'],
  ])('%s + %s = %s', (base, path, want) => {
    expect(joinUrl(base, path)).toBe(want);
  });
});
