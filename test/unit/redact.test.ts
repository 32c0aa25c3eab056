import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/report/redact.js';

describe('Redactor', () => {
  it('masks registered secrets, their encoded forms, and URI passwords, and tells the runner', () => {
    const masked: string[] = [];
    const r = new Redactor((s) => masked.push(s));
    r.add('tok/en+1234');
    r.addUri('mongodb://app:p%40ss-word@db.example.com:27017/dowurk');
    expect(masked).toEqual(expect.arrayContaining(['tok/en+1234', 'tok%2Fen%2B1234', 'p%40ss-word', 'p@ss-word']));
    expect(r.text('Bearer tok/en+1234 and tok%2Fen%2B1234')).toBe('Bearer *** and ***');
    expect(r.text('mongodb://app:p%40ss-word@db.example.com:27017/dowurk')).toBe('mongodb://app:***@db.example.com:27017/dowurk');
    expect(r.text('connect https://u:other@h failed')).toBe('connect https://u:***@h failed');
    expect(r.text('the password p@ss-word leaked')).toBe('the password *** leaked');
  });

  it('leaves the host of a URI without a password readable, and ignores values too short to mask', () => {
    const r = new Redactor();
    r.addUri('https://api.example.com/health');
    r.add('ab');
    expect(r.text('https://api.example.com/health ab')).toBe('https://api.example.com/health ab');
  });

  it('redacts every string of a nested value without changing its shape', () => {
    const r = new Redactor();
    r.add('s3cr3t-value');
    expect(r.value({ a: ['x s3cr3t-value', 3], b: { c: 's3cr3t-value' }, d: null })).toEqual({ a: ['x ***', 3], b: { c: '***' }, d: null });
  });
});
