// Runs command or loader code while the UI owns the terminal: their writes to the context's
// streams are captured instead of scribbling over the screen. The context object itself is
// re-pointed for the call because its loadIndex closes over it (createProcessContext).
import type { AppContext } from '../../context.js';
import type { IOStreams, OutputStream } from '../../term/io.js';

export async function withIo<T>(
  context: AppContext,
  io: Partial<IOStreams>,
  run: () => Promise<T>,
): Promise<T> {
  const own = context.io;
  context.io = { ...own, ...io };
  try {
    return await run();
  } finally {
    context.io = own;
  }
}

/** A non-terminal stream that keeps what was written. */
export function recordingStream(): OutputStream & { text(): string } {
  const chunks: string[] = [];
  return {
    isTTY: false,
    write: (chunk: string) => chunks.push(String(chunk)),
    text: () => chunks.join(''),
  };
}
