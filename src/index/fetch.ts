// Downloads one index source: https://, http://, file:// or a plain path. The I/O edge of the index.
// HTTP goes through undici with EnvHttpProxyAgent (HTTPS_PROXY/HTTP_PROXY/NO_PROXY), conditional
// requests, timeouts, bounded retries with backoff, gzip, and truncation checks.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';
import type { Gunzip } from 'node:zlib';
import type { Env } from '../context.js';
import { NurError } from '../errors.js';
import { noProgress, type DownloadProgress } from './progress.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 400;
/** Redirects followed before a download is given up as a loop. */
export const MAX_REDIRECTS = 5;

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; text: string; bytes: number; etag?: string; lastModified?: string };

export type FetchFailure = 'timeout' | 'network' | 'http' | 'redirect' | 'truncated' | 'file';

/** A source could not be downloaded. `transient` failures were retried before this was thrown. */
export class FetchError extends NurError {
  readonly url: string;
  readonly failure: FetchFailure;
  readonly status?: number;

  constructor(
    message: string,
    details: { url: string; failure: FetchFailure; status?: number; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.name = 'FetchError';
    this.url = details.url;
    this.failure = details.failure;
    this.status = details.status;
  }
}

export interface FetcherOptions {
  env: Env;
  /** Plain relative paths resolve against this. */
  cwd: string;
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
}

/** Takes the text of a download as it arrives; a fresh one is made for every attempt. */
export interface TextConsumer {
  push(text: string): void;
}

export interface Fetcher {
  /**
   * With `consume`, the text goes to the consumer chunk by chunk and the result's `text` is empty,
   * so a large download is never held whole.
   */
  fetch(
    url: string,
    validators?: Validators,
    progress?: DownloadProgress,
    consume?: () => TextConsumer,
  ): Promise<FetchResult>;
  close(): Promise<void>;
}

/** `150 ms`, `2.5 s`, `1 min 31 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${+(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * Reads NUR_HTTP_TIMEOUT_MS, NUR_HTTP_RETRIES and NUR_HTTP_RETRY_DELAY_MS: tests shorten them,
 * users behind slow links raise them.
 */
export function fetcherOptionsFromEnv(env: Env, cwd: string): FetcherOptions {
  const number = (name: string): number | undefined => {
    const value = Number.parseInt(env[name] ?? '', 10);
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  };
  return {
    env,
    cwd,
    timeoutMs: number('NUR_HTTP_TIMEOUT_MS'),
    retries: number('NUR_HTTP_RETRIES'),
    retryDelayMs: number('NUR_HTTP_RETRY_DELAY_MS'),
  };
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** file:// URL or plain path → absolute path; undefined for http(s). */
export function localPath(url: string, cwd: string): string | undefined {
  if (isHttpUrl(url)) return undefined;
  if (/^file:\/\//i.test(url)) return fileURLToPath(url);
  return isAbsolute(url) ? url : resolve(cwd, url);
}

async function fetchFile(
  path: string,
  url: string,
  validators?: Validators,
  consume?: () => TextConsumer,
): Promise<FetchResult> {
  try {
    const info = await stat(path);
    // Size and mtime stand in for an ETag, so unchanged local sources are "not modified" too.
    const etag = `"file-${info.size}-${Math.trunc(info.mtimeMs)}"`;
    if (validators?.etag === etag) return { status: 'not-modified' };
    if (!consume)
      return { status: 'ok', text: await readFile(path, 'utf8'), bytes: info.size, etag };
    const consumer = consume();
    const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    for await (const chunk of stream) consumer.push(chunk as string);
    return { status: 'ok', text: '', bytes: info.size, etag };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory; name the file in it'
          : (error as Error).message;
    throw new FetchError(`cannot read ${url}: ${reason}`, { url, failure: 'file', cause: error });
  }
}

/** Decodes a byte stream (optionally gzip) to UTF-8 text chunk by chunk. */
class TextSink {
  // StringDecoder keeps a character split across chunks, like TextDecoder, and decodes the 20 MB
  // index in ~60% of its time.
  private readonly decoder = new StringDecoder('utf8');
  private readonly parts: string[] = [];
  private readonly gunzip?: Gunzip;
  private failure?: Error;

  /** `gunzip` makes the gzip stream for a compressed body; undefined for a plain one. */
  constructor(
    gunzip: (() => Gunzip) | undefined,
    private readonly consumer?: TextConsumer,
  ) {
    if (!gunzip) return;
    this.gunzip = gunzip();
    this.gunzip.on('data', (chunk: Buffer) => this.decode(chunk));
    this.gunzip.on('error', (error) => (this.failure ??= error));
  }

  private decode(chunk: Buffer): void {
    const text = this.decoder.write(chunk);
    if (this.consumer) this.consumer.push(text);
    else this.parts.push(text);
  }

  write(chunk: Buffer): void {
    if (this.gunzip) this.gunzip.write(chunk);
    else this.decode(chunk);
  }

  async end(): Promise<string> {
    const gunzip = this.gunzip;
    if (gunzip)
      await new Promise<void>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        gunzip.once('end', resolve);
        gunzip.once('error', reject);
        gunzip.end();
      });
    const rest = this.decoder.end();
    if (this.consumer) {
      this.consumer.push(rest);
      return '';
    }
    this.parts.push(rest);
    const text = this.parts.join('');
    this.parts.length = 0;
    return text;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isTransient(error: unknown): boolean {
  if (error instanceof FetchError) {
    if (error.failure === 'http') return (error.status ?? 0) >= 500;
    return error.failure !== 'file' && error.failure !== 'redirect';
  }
  return true;
}

/**
 * The error of the last attempt, saying how many attempts there were and how long they took in
 * all: each attempt's timeout alone understates the wait by the number of attempts.
 */
function afterAttempts(error: unknown, attempts: number, elapsedMs: number): unknown {
  if (!(error instanceof FetchError) || attempts < 2) return error;
  return new FetchError(
    `${error.message} (${attempts} attempts over ${formatDuration(elapsedMs)})`,
    { url: error.url, failure: error.failure, status: error.status, cause: error },
  );
}

function tooManyRedirects(url: string, cause?: unknown): FetchError {
  return new FetchError(`too many redirects from ${url} (a loop, or more than ${MAX_REDIRECTS})`, {
    url,
    failure: 'redirect',
    cause,
  });
}

/** undici reports a redirect back to a URL already visited as an invalid argument. */
function isRedirectLoop(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === 'UND_ERR_INVALID_ARG' && /redirect loop/i.test(message ?? '');
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export async function createFetcher(options: FetcherOptions): Promise<Fetcher> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = options.retries ?? DEFAULT_RETRIES;
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  const { env } = options;
  let dispatcher: import('undici').Dispatcher | undefined;
  let undici: typeof import('undici') | undefined;
  let zlib: typeof import('node:zlib') | undefined;

  // HTTP, proxy and gzip support load with the first download, not with every `nur` start.
  async function httpDispatcher() {
    if (!dispatcher) {
      [undici, zlib] = await Promise.all([import('undici'), import('node:zlib')]);
      // Proxy settings come from the run's env (not process.env) so tests and callers control them;
      // '' (not undefined) stops undici from falling back to process.env.
      dispatcher = new undici.EnvHttpProxyAgent({
        httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
        httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
        noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        connect: { timeout: timeoutMs },
      }).compose(undici.interceptors.redirect({ maxRedirections: MAX_REDIRECTS }));
    }
    return { dispatcher, undici: undici!, zlib: zlib! };
  }

  async function fetchOnce(
    url: string,
    validators: Validators | undefined,
    progress: DownloadProgress,
    consume: (() => TextConsumer) | undefined,
  ): Promise<FetchResult> {
    const { dispatcher, undici, zlib } = await httpDispatcher();
    const headers: Record<string, string> = {
      'accept-encoding': 'gzip',
      'user-agent': 'nur-cli',
    };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    let received = 0;
    let expected: number | undefined;
    // Our own inactivity timer: undici's coarse timers can fire long after a short timeout.
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const armTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    };
    armTimer();
    try {
      const response = await undici.request(url, {
        dispatcher,
        headers,
        signal: controller.signal,
      });
      armTimer();
      const header = (name: string): string | undefined => {
        const value = response.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      if (response.statusCode === 304) {
        await response.body.dump();
        return { status: 'not-modified' };
      }
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump().catch(() => {});
        // A redirect still here is one the interceptor stopped following.
        if (response.statusCode < 400 && header('location')) throw tooManyRedirects(url);
        throw new FetchError(`${url} answered HTTP ${response.statusCode}`, {
          url,
          failure: 'http',
          status: response.statusCode,
        });
      }
      const length = Number.parseInt(header('content-length') ?? '', 10);
      expected = Number.isFinite(length) ? length : undefined;
      // Chunks become text as they arrive (through gunzip when compressed), so the raw bytes are
      // never held whole next to the decoded text.
      const gzip = /gzip/i.test(header('content-encoding') ?? '');
      const text = new TextSink(gzip ? () => zlib.createGunzip() : undefined, consume?.());
      for await (const chunk of response.body) {
        text.write(chunk as Buffer);
        received += (chunk as Buffer).length;
        progress.update(received, expected);
        armTimer();
      }
      if (expected !== undefined && received !== expected) throw truncated(url, received, expected);
      let decoded: string;
      try {
        decoded = await text.end();
      } catch (error) {
        throw new FetchError(`the download of ${url} is cut off (bad gzip stream)`, {
          url,
          failure: 'truncated',
          cause: error,
        });
      }
      return {
        status: 'ok',
        text: decoded,
        bytes: received,
        etag: header('etag'),
        lastModified: header('last-modified'),
      };
    } catch (error) {
      if (error instanceof FetchError) throw error;
      const code = (error as { code?: string }).code ?? '';
      if (timedOut || TIMEOUT_CODES.has(code))
        throw new FetchError(
          `timed out waiting for ${url}: nothing arrived for ${formatDuration(timeoutMs)}`,
          { url, failure: 'timeout', cause: error },
        );
      if (isRedirectLoop(error)) throw tooManyRedirects(url, error);
      if (expected !== undefined && received < expected) throw truncated(url, received, expected);
      const reason = (error as Error).message || code || 'network error';
      throw new FetchError(`cannot download ${url}: ${reason}`, {
        url,
        failure: 'network',
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async fetch(url, validators, progress = noProgress, consume) {
      const path = localPath(url, options.cwd);
      if (path !== undefined) return fetchFile(path, url, validators, consume);
      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        try {
          return await fetchOnce(url, validators, progress, consume);
        } catch (error) {
          if (attempt > retries || !isTransient(error))
            throw afterAttempts(error, attempt, Date.now() - started);
          await sleep(retryDelayMs * 2 ** (attempt - 1));
        } finally {
          progress.done();
        }
      }
    },
    async close() {
      await dispatcher?.close();
    },
  };
}

function truncated(url: string, received: number, expected: number): FetchError {
  return new FetchError(
    `the download of ${url} is cut off (${received} of ${expected} bytes arrived)`,
    { url, failure: 'truncated' },
  );
}
