// Replaced at build time by tsup's define; falls back for tests run from source.
declare const __NUR_VERSION__: string | undefined;
export const VERSION = typeof __NUR_VERSION__ === 'string' ? __NUR_VERSION__ : '0.0.0-dev';
