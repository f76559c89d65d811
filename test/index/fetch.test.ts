// The fetcher against a real local server that redirects and stalls in ways the index server
// helper does not script.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, FetchError, MAX_REDIRECTS } from '../../src/index/fetch.js';

let server: Server;
let baseUrl: string;
const sockets = new Set<Socket>();
/** Paths requested, in order. */
let requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requested.push(path);
    if (path === '/loop') {
      res.writeHead(302, { location: '/loop' }).end();
      return;
    }
    // /hops/N redirects N times before answering.
    const hops = /^\/hops\/(\d+)$/.exec(path);
    if (hops) {
      const left = Number(hops[1]);
      if (left === 0) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":1}');
      else res.writeHead(302, { location: `/hops/${left - 1}` }).end();
      return;
    }
    if (path === '/stall') {
      // Headers and the start of the body, then nothing: a server that hangs mid-download.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"nur.repos.a.b": {');
      return;
    }
    res.writeHead(404).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  requested = [];
});

async function fetchWith(path: string, options: { timeoutMs?: number; retries?: number } = {}) {
  const fetcher = await createFetcher({
    env: {},
    cwd: process.cwd(),
    retryDelayMs: 10,
    ...options,
  });
  try {
    return await fetcher.fetch(`${baseUrl}${path}`);
  } finally {
    await fetcher.close();
  }
}

describe('redirects', () => {
  it('follows a few redirects to the answer', async () => {
    const result = await fetchWith('/hops/3');
    expect(result).toMatchObject({ status: 'ok', text: '{"ok":1}' });
  });

  it('reports a redirect loop in one line with the URL, without retrying', async () => {
    const error = await fetchWith('/loop', { retries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).failure).toBe('redirect');
    expect((error as FetchError).message).toBe(
      `too many redirects from ${baseUrl}/loop (a loop, or more than ${MAX_REDIRECTS})`,
    );
    expect((error as FetchError).message).not.toMatch(/Agent|Pool|Client/);
    // The loop is seen from the first answer's Location; a retry would send more requests.
    expect(requested).toEqual(['/loop']);
  });

  it('reports a chain of more redirects than it follows the same way', async () => {
    const error = await fetchWith(`/hops/${MAX_REDIRECTS + 2}`).catch((e: unknown) => e);
    expect((error as FetchError).failure).toBe('redirect');
    expect((error as FetchError).message).toMatch(/^too many redirects from http:\S+\/hops\/7 /);
  });
});

describe('a server that stalls mid-body', () => {
  it('times out each attempt and says how many attempts and how long in all', async () => {
    const error = await fetchWith('/stall', { timeoutMs: 100, retries: 2 }).catch(
      (e: unknown) => e,
    );
    expect((error as FetchError).failure).toBe('timeout');
    expect((error as FetchError).message).toMatch(
      new RegExp(
        `^timed out waiting for ${baseUrl}/stall: nothing arrived for 100 ms \\(3 attempts over \\d+(\\.\\d)? m?s\\)$`,
      ),
    );
    expect(requested).toEqual(['/stall', '/stall', '/stall']);
  });

  it('makes one attempt when told to, and then says nothing of attempts', async () => {
    const error = await fetchWith('/stall', { timeoutMs: 100, retries: 0 }).catch(
      (e: unknown) => e,
    );
    expect((error as FetchError).message).toBe(
      `timed out waiting for ${baseUrl}/stall: nothing arrived for 100 ms`,
    );
    expect(requested).toEqual(['/stall']);
  });
});
