import { describe, expect, it } from 'vitest';
import { asksClose, encodeRequest } from '../../src/checks/load/open-transport.js';

// The open model's request, encoded once: what goes on the wire, byte for byte.
const u = (s: string) => new URL(s);

describe('encodeRequest', () => {
  const cases: { name: string; method: string; url: string; headers: Record<string, string>; body?: string; want: string }[] = [
    {
      name: 'a GET: request line with the query, host with its port, keep-alive, no content-length',
      method: 'GET', url: 'http://127.0.0.1:8080/health?x=1', headers: { accept: 'application/json' },
      want: 'GET /health?x=1 HTTP/1.1\r\nhost: 127.0.0.1:8080\r\nconnection: keep-alive\r\naccept: application/json\r\n\r\n',
    },
    {
      name: 'a POST with a body: content-length counts bytes, not characters',
      method: 'POST', url: 'https://api.example/v1', headers: { 'content-type': 'application/json' }, body: '{"n":"é"}',
      want: 'POST /v1 HTTP/1.1\r\nhost: api.example\r\nconnection: keep-alive\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n{"n":"é"}',
    },
    {
      name: 'a POST without a body says content-length: 0',
      method: 'POST', url: 'http://h/x', headers: {},
      want: 'POST /x HTTP/1.1\r\nhost: h\r\nconnection: keep-alive\r\ncontent-length: 0\r\n\r\n',
    },
    {
      name: 'a configured host and connection replace the defaults; a configured content-length is the body\'s',
      method: 'PUT', url: 'http://10.0.0.1/', headers: { Host: 'api.internal', connection: 'close', 'content-length': '99' }, body: 'ab',
      want: 'PUT / HTTP/1.1\r\nhost: api.internal\r\nconnection: close\r\ncontent-length: 2\r\n\r\nab',
    },
    {
      name: 'a HEAD is headers only',
      method: 'HEAD', url: 'http://h/', headers: {},
      want: 'HEAD / HTTP/1.1\r\nhost: h\r\nconnection: keep-alive\r\n\r\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(encodeRequest(c.method, u(c.url), c.headers, c.body).toString('utf8')).toBe(c.want);
    });
  }

  it('a header value with CR or LF is refused (no header injection), as node:http refuses it', () => {
    expect(() => encodeRequest('GET', u('http://h/'), { 'x-a': 'v\r\nx-evil: 1' })).toThrow();
    expect(() => encodeRequest('GET', u('http://h/'), { 'bad name': 'v' })).toThrow();
  });
});

describe('asksClose', () => {
  const cases: [string | undefined, boolean][] = [
    [undefined, false], ['keep-alive', false], ['close', true], ['Close', true], ['keep-alive, close', true], ['closed', false],
  ];
  for (const [v, want] of cases) it(`${String(v)} → ${want}`, () => expect(asksClose(v)).toBe(want));
});
