import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { httpServer, type Running } from './servers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export type ReceiverKind = 'pagerduty' | 'slack' | 'teams' | 'webhook';

const ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateFormats: true }));
const validators = new Map<ReceiverKind, ValidateFunction>();

/** The JSON Schema of a service's payload, written from its documentation (test/fixtures/notifications). */
export function schemaValidator(kind: ReceiverKind): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    v = ajv.compile(JSON.parse(readFileSync(resolve(`test/fixtures/notifications/${kind}.schema.json`), 'utf8')) as object);
    validators.set(kind, v);
  }
  return v;
}

export interface Received {
  readonly body: Record<string, unknown>;
  readonly raw: string;
  readonly headers: IncomingMessage['headers'];
}

/** How each service answers an accepted message, as its documentation shows. */
const ACCEPTED: Record<ReceiverKind, { status: number; body: string }> = {
  pagerduty: { status: 202, body: JSON.stringify({ status: 'success', message: 'Event processed' }) },
  slack: { status: 200, body: 'ok' },
  teams: { status: 202, body: '' },
  webhook: { status: 204, body: '' },
};

/**
 * A local stand-in for one service on 127.0.0.1: it checks each body against the service's JSON
 * Schema (400 when it does not match, as the services refuse bad payloads), verifies the webhook's
 * signature when it knows the secret (401 when wrong), and records what it accepted. `script`
 * answers the next requests with the given statuses first (a 500, a 429 with Retry-After).
 */
export class FakeReceiver {
  readonly received: Received[] = [];
  /** Every request, accepted or not. */
  attempts = 0;
  readonly rejected: string[] = [];
  script: { status: number; retryAfter?: string }[] = [];
  private server!: Running;

  constructor(
    readonly kind: ReceiverKind,
    private readonly secret?: string,
  ) {}

  get url(): string {
    return `${this.server.url}/${this.kind}`;
  }

  async start(): Promise<this> {
    this.server = await httpServer((req, res) => void this.handle(req, res));
    return this;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    this.attempts++;
    const next = this.script.shift();
    if (next) {
      res.writeHead(next.status, next.retryAfter ? { 'retry-after': next.retryAfter } : {});
      res.end('scripted failure');
      return;
    }
    const reject = (status: number, why: string) => {
      this.rejected.push(why);
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(why);
    };
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json')) return reject(400, 'expected a JSON POST');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return reject(400, 'invalid JSON');
    }
    const validate = schemaValidator(this.kind);
    if (!validate(body)) return reject(400, `invalid payload: ${ajv.errorsText(validate.errors)}`);
    if (this.kind === 'webhook' && this.secret) {
      const got = String(req.headers['x-launchguard-signature-256'] ?? '');
      const want = `sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`;
      if (got.length !== want.length || !timingSafeEqual(Buffer.from(got), Buffer.from(want))) return reject(401, 'bad signature');
    }
    this.received.push({ body, raw, headers: req.headers });
    const ok = ACCEPTED[this.kind];
    res.writeHead(ok.status, ok.body ? { 'content-type': this.kind === 'pagerduty' ? 'application/json' : 'text/plain' } : {});
    res.end(ok.body);
  }
}
