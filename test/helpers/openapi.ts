import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * Checks requests and responses against GitHub's official OpenAPI description (a trimmed copy made
 * by scripts/trim-openapi.mjs from npm @octokit/openapi). Every mismatch is a violation.
 */
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
type Json = Record<string, unknown>;

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly regex: RegExp;
  readonly params: string[];
  readonly op: Json;
}

/** Statuses GitHub may answer on any endpoint, documented or not: auth, rate limits, outages. */
const UNIVERSAL = new Set([401, 403, 429, 500, 502, 503, 504]);

export class OpenApiValidator {
  readonly spec: Json;
  private readonly ajv: Ajv;
  private readonly ops: Operation[] = [];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(file = 'test/fixtures/github-openapi.json') {
    this.spec = JSON.parse(readFileSync(file, 'utf8')) as Json;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...this.spec, $id: 'gh' });
    for (const [template, item] of Object.entries(this.spec.paths as Record<string, Json>)) {
      const params: string[] = [];
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
        params.push(name);
        // {path} and {name} may hold slashes only when encoded; {ref} in git/ref/{ref} spans segments.
        return name === 'ref' || name === 'path' ? '(.+)' : '([^/]+)';
      });
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const op = item[method] as Json | undefined;
        if (op) this.ops.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${pattern}$`), params, op });
      }
    }
    // Most specific templates first, so /issues/comments/{id} wins over /issues/{issue_number}/...
    this.ops.sort((a, b) => b.template.replace(/\{\w+\}/g, '').length - a.template.replace(/\{\w+\}/g, '').length);
  }

  match(method: string, path: string): { operation: Operation; params: Record<string, string> } | undefined {
    for (const operation of this.ops) {
      if (operation.method !== method) continue;
      const m = operation.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      operation.params.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
      return { operation, params };
    }
    return undefined;
  }

  private resolve(node: Json): Json {
    const ref = node.$ref;
    if (typeof ref !== 'string') return node;
    const [, , section, name] = ref.split('/');
    return (this.spec.components as Record<string, Record<string, Json>>)[section!]![name!]!;
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let v = this.cache.get(key);
    if (!v) {
      v = this.ajv.compile({ $ref: `gh#${key}`, ...(schema === undefined ? {} : {}) });
      this.cache.set(key, v);
    }
    return v;
  }

  private pointer(operation: Operation, ...rest: string[]): string {
    const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
    return ['', 'paths', esc(operation.template), operation.method.toLowerCase(), ...rest.map(esc)].join('/');
  }

  /** Violations of one request: unknown route, bad query parameters, a body that does not fit. */
  checkRequest(method: string, url: URL, body: unknown): string[] {
    const where = `${method} ${url.pathname}`;
    const hit = this.match(method, url.pathname);
    if (!hit) return [`${where}: no such operation in GitHub's OpenAPI description`];
    const out: string[] = [];
    const declared = ((hit.operation.op.parameters as Json[] | undefined) ?? []).map((p) => this.resolve(p));
    for (const [name, value] of url.searchParams) {
      const p = declared.find((d) => d.in === 'query' && d.name === name);
      if (!p) {
        out.push(`${where}: query parameter "${name}" is not declared`);
        continue;
      }
      const schema = p.schema as Json;
      const coerced = schema.type === 'integer' ? Number(value) : value;
      const v = this.ajv.compile(schema);
      if (!v(coerced)) out.push(`${where}: query ${name}=${value}: ${this.ajv.errorsText(v.errors)}`);
    }
    const rb = hit.operation.op.requestBody as Json | undefined;
    if (rb) {
      const content = (rb.content as Json)['application/json'] as Json | undefined;
      if (body === undefined && rb.required) out.push(`${where}: the request body is required`);
      else if (content && body !== undefined) {
        const v = this.validator(this.pointer(hit.operation, 'requestBody', 'content', 'application/json', 'schema'), undefined);
        if (!v(body)) out.push(`${where}: request body: ${this.ajv.errorsText(v.errors)}`);
      }
    } else if (body !== undefined && method !== 'GET' && method !== 'DELETE') {
      out.push(`${where}: a body was sent, but the operation takes none`);
    }
    return out;
  }

  /** Violations of one response: an undocumented status, or a body that does not fit its schema. */
  checkResponse(method: string, path: string, status: number, body: unknown): string[] {
    const where = `${method} ${path} → ${status}`;
    const hit = this.match(method, path);
    if (!hit) return [];
    const responses = hit.operation.op.responses as Record<string, Json>;
    const declared = responses[String(status)] ?? responses.default;
    if (!declared) {
      if (UNIVERSAL.has(status)) return this.checkSchema(where, 'gh#/components/schemas/basic-error', body);
      return [`${where}: status ${status} is not documented for this operation`];
    }
    const resolved = this.resolve(declared);
    const content = resolved.content as Record<string, Json> | undefined;
    const json = content?.['application/json'];
    if (!json) return body === undefined || body === '' ? [] : [`${where}: a body was sent, but none is documented`];
    const key = declared.$ref
      ? `/components/responses/${String(declared.$ref).split('/').pop()}/content/application~1json/schema`
      : this.pointer(hit.operation, 'responses', String(status), 'content', 'application/json', 'schema');
    const v = this.validator(key, undefined);
    return v(body) ? [] : [`${where}: response body: ${this.ajv.errorsText(v.errors, { separator: '; ' })}`];
  }

  private checkSchema(where: string, ref: string, body: unknown): string[] {
    const v = this.ajv.getSchema(ref) ?? this.ajv.compile({ $ref: ref });
    return v(body) ? [] : [`${where}: ${this.ajv.errorsText(v.errors)}`];
  }
}
