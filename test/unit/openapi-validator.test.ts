import { describe, expect, it } from 'vitest';
import { OpenApiValidator } from '../helpers/openapi.js';

// The fake GitHub is only as honest as its validator: these prove the validator does reject.
describe("the fake GitHub's OpenAPI validator", () => {
  const v = new OpenApiValidator();
  const u = (p: string) => new URL(p, 'http://x');

  it('accepts a well-formed request', () => {
    expect(v.checkRequest('PUT', u('/repos/a/b/contents/x.json'), { message: 'm', content: 'e30=', branch: 'd' })).toEqual([]);
  });
  it('rejects a body missing a required field, an unknown route and an undeclared query parameter', () => {
    expect(v.checkRequest('PUT', u('/repos/a/b/contents/x.json'), { content: 'e30=' }).join()).toMatch(/must have required property 'message'/);
    expect(v.checkRequest('GET', u('/repos/a/b/nothing-here'), undefined).join()).toMatch(/no such operation/);
    expect(v.checkRequest('GET', u('/repos/a/b/contents/x.json?branch=main'), undefined).join()).toMatch(/query parameter "branch" is not declared/);
  });
  it('rejects an undocumented status and a response body of the wrong shape', () => {
    expect(v.checkResponse('PUT', '/repos/a/b/contents/x.json', 418, {}).join()).toMatch(/status 418 is not documented/);
    expect(v.checkResponse('GET', '/repos/a/b/git/ref/heads/main', 200, { ref: 'refs/heads/main' }).join()).toMatch(/must have required property/);
  });
  it('accepts a null where the spec says nullable (preprocessed from OpenAPI 3.0)', () => {
    const commit = {
      sha: 's', node_id: 'n', url: 'http://x', html_url: 'http://x', message: 'm',
      author: { name: 'a', email: 'e', date: '2026-01-01T00:00:00Z' },
      committer: { name: 'a', email: 'e', date: '2026-01-01T00:00:00Z' },
      tree: { sha: 't', url: 'http://x' }, parents: [],
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
    expect(v.checkResponse('POST', '/repos/a/b/git/commits', 201, commit)).toEqual([]);
  });
});
