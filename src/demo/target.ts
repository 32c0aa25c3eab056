import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The demo target: a small stand-in for the post-launch guide's FastAPI app, with its four
 * monitoring endpoints and two app endpoints. Fault modes make it misbehave on purpose.
 */
export const FAULTS = ['down', 'slow', 'errors', 'disk-full', 'payments-failing'] as const;
export type Fault = (typeof FAULTS)[number];

export interface DemoTargetOptions {
  readonly fault?: Fault;
  /** When set, monitoring endpoints require `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Added to every response in `slow` mode. */
  readonly slowMs?: number;
}

export interface DemoTarget {
  readonly url: string;
  readonly requests: () => number;
  close(): Promise<void>;
}

export async function startDemoTarget(opts: DemoTargetOptions = {}): Promise<DemoTarget> {
  const fault = opts.fault;
  let count = 0;
  const perPath = new Map<string, number>();
  const server = createServer((req, res) => {
    count++;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const n = (perPath.get(path) ?? 0) + 1;
    perPath.set(path, n);
    const delay = fault === 'slow' ? (opts.slowMs ?? 1500) : 0;
    const respond = () => handle(req, res, opts, n);
    if (delay > 0) setTimeout(respond, delay);
    else respond();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** `n` counts the requests to this path: in `errors` mode every 10th one fails. */
function handle(req: IncomingMessage, res: ServerResponse, opts: DemoTargetOptions, n: number): void {
  const fault = opts.fault;
  const path = (req.url ?? '/').split('?')[0];
  const now = new Date().toISOString();
  req.resume();
  if (path?.startsWith('/api/monitoring/') && opts.token && req.headers.authorization !== `Bearer ${opts.token}`) {
    return send(res, 401, { detail: 'Not authenticated' });
  }
  if (fault === 'down') return send(res, 503, { status: 'unhealthy', database: 'disconnected', timestamp: now });

  const alerts: { type: string; level: string; message: string; timestamp: string }[] = [];
  if (fault === 'disk-full') alerts.push({ type: 'disk_space', level: 'critical', message: 'Disk usage at 97%', timestamp: now });
  if (fault === 'payments-failing') {
    alerts.push({ type: 'payment_failures', level: 'critical', message: 'Payment success rate at 42%', timestamp: now });
  }
  if (fault === 'errors') alerts.push({ type: 'error_rate', level: 'warning', message: 'API error rate above 5%', timestamp: now });

  switch (path) {
    case '/api/monitoring/health':
      return send(res, 200, { status: 'healthy', database: 'connected', timestamp: now });
    case '/api/monitoring/system-metrics':
      return send(res, 200, {
        cpu_percent: 23.5,
        memory_percent: 41.2,
        disk_percent: fault === 'disk-full' ? 97.1 : 55.0,
        timestamp: now,
      });
    case '/api/monitoring/usage-stats': {
      const total = 120;
      const successful = fault === 'payments-failing' ? 50 : 118;
      return send(res, 200, {
        total_users: 1250,
        daily_active_users: 310,
        ai_conversations: 8420,
        payments: { total, successful, failed: total - successful, success_rate: Math.round((successful / total) * 1000) / 10 },
      });
    }
    case '/api/monitoring/alerts':
      return send(res, 200, { alerts, count: alerts.length });
    case '/api/plans':
      if (fault === 'errors' && n % 10 === 0) return send(res, 500, { detail: 'Internal Server Error' });
      return send(res, 200, { plans: [{ id: 'starter', price: 9 }, { id: 'pro', price: 29 }] });
    case '/api/chat':
      if (fault === 'errors' && n % 10 === 0) return send(res, 500, { detail: 'Internal Server Error' });
      return send(res, 200, { reply: 'Hello from the demo assistant.' });
    default:
      return send(res, 404, { detail: 'Not Found' });
  }
}
