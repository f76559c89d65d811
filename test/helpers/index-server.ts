// A real HTTP server on 127.0.0.1 (random port) serving index files with scripted behaviours, so
// the real fetch/refresh code runs against 200, 304, 404, 500-then-200, cut-off bodies, garbage,
// shrunk indexes and slow answers.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { readFixture } from './fixtures.js';

export type Behaviour =
  /** 200 with ETag and Last-Modified; 304 when If-None-Match or If-Modified-Since matches. */
  | { kind: 'ok' }
  /** Always this status (404, 500, …). */
  | { kind: 'status'; status: number }
  /** `failures` answers with `status` (default 500), then behaves as `ok`. */
  | { kind: 'fail-then-ok'; failures: number; status?: number }
  /** Announces the full Content-Length, sends half the body, then closes the connection. */
  | { kind: 'truncated' }
  /** Waits this long before sending headers. */
  | { kind: 'slow'; delayMs: number };

export interface Route {
  body: string | Buffer;
  behaviour?: Behaviour;
  /** Send the body gzip-encoded when the client accepts it. */
  gzip?: boolean;
  /** Extra response headers on 200 answers (e.g. a content-encoding the body does not honour). */
  headers?: Record<string, string>;
  /** Fixed validators; by default derived from the body. */
  etag?: string;
  lastModified?: string;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

export interface IndexServer {
  readonly baseUrl: string;
  url(path: string): string;
  /** Replaces (or adds) what a path serves; the hit count of the path restarts at 0. */
  route(path: string, route: Route): void;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export const FIXTURE_ROUTES = (): Record<string, Route> => ({
  '/packages.json': { body: readFixture('packages.json') },
  '/repos.json': { body: readFixture('repos.json') },
  '/repos.json.lock': { body: readFixture('repos.json.lock') },
});

/** The fixture packages.json cut down to its first `count` entries (still valid JSON). */
export function shrunkPackagesJson(count: number): string {
  const raw = JSON.parse(readFixture('packages.json')) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.entries(raw).slice(0, count)));
}

const LAST_MODIFIED = 'Wed, 01 Jan 2026 00:00:00 GMT';

export async function startIndexServer(
  initial: Record<string, Route> = FIXTURE_ROUTES(),
): Promise<IndexServer> {
  const routes = new Map(Object.entries(initial));
  const hits = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes.get(path);
    const hit = hits.get(path) ?? 0;
    hits.set(path, hit + 1);
    const record = (status: number) => requests.push({ path, headers: req.headers, status });
    if (!route) {
      record(404);
      res.writeHead(404).end('not found');
      return;
    }
    const behaviour = route.behaviour ?? { kind: 'ok' };
    const body = typeof route.body === 'string' ? Buffer.from(route.body) : route.body;
    const etag = route.etag ?? `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const lastModified = route.lastModified ?? LAST_MODIFIED;

    const serveOk = () => {
      // RFC 9110: If-None-Match, when sent, decides alone; If-Modified-Since only without it.
      const ifNoneMatch = req.headers['if-none-match'];
      const notModified =
        ifNoneMatch !== undefined
          ? ifNoneMatch === etag
          : req.headers['if-modified-since'] === lastModified;
      if (notModified) {
        record(304);
        res.writeHead(304, { etag, 'last-modified': lastModified }).end();
        return;
      }
      const gzip = route.gzip && /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
      const payload = gzip ? gzipSync(body) : body;
      record(200);
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': payload.length,
        etag,
        'last-modified': lastModified,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        ...route.headers,
      });
      res.end(payload);
    };

    switch (behaviour.kind) {
      case 'ok':
        serveOk();
        return;
      case 'status':
        record(behaviour.status);
        res.writeHead(behaviour.status).end(`status ${behaviour.status}`);
        return;
      case 'fail-then-ok':
        if (hit < behaviour.failures) {
          const status = behaviour.status ?? 500;
          record(status);
          res.writeHead(status).end(`status ${status}`);
        } else serveOk();
        return;
      case 'truncated': {
        record(200);
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': body.length,
          etag,
        });
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
        return;
      }
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) serveOk();
        }, behaviour.delayMs);
        timers.add(timer);
        return;
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    url: (path) => `${baseUrl}${path}`,
    route(path, route) {
      routes.set(path, route);
      hits.set(path, 0);
    },
    requests,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
