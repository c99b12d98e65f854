import { connect } from 'node:net';

export interface SlowOutcome {
  /** `closed`: the server closed the socket; `answered`: a response came first; `still open`: neither in time. */
  readonly outcome: 'closed' | 'answered' | 'still open';
  /** What the server sent before closing, if anything (Node's 408 to a request it timed out). */
  readonly received: string;
}

/**
 * A real client on a real socket that sends `head` and then `body` in pieces of `chunkBytes` every `everyMs`
 * (a byte at a time is the slow loris), and reports how the server ended it, or that it had not within
 * `withinMs`.
 */
export function slowClient(
  url: string,
  parts: { head: string; body?: Buffer; headChunk?: number; bodyChunk?: number; everyMs: number },
  withinMs: number,
): Promise<SlowOutcome> {
  const { port, hostname } = new URL(url);
  const socket = connect(Number(port), hostname);
  const pieces: Buffer[] = [];
  const split = (b: Buffer, n: number) => {
    for (let i = 0; i < b.length; i += n) pieces.push(b.subarray(i, i + n));
  };
  split(Buffer.from(parts.head), parts.headChunk ?? 1);
  if (parts.body) split(parts.body, parts.bodyChunk ?? 1);
  let received = '';
  return new Promise((resolve) => {
    let done = false;
    const finish = (outcome: SlowOutcome['outcome']) => {
      if (done) return;
      done = true;
      clearInterval(writer);
      clearTimeout(deadline);
      socket.destroy();
      resolve({ outcome, received });
    };
    socket.on('data', (d) => {
      received += d.toString();
      // Node answers a request it timed out with 408 and closes: that is a close, not an answer.
      if (/^HTTP\/1\.1 (?!408)\d{3}/.test(received) && received.includes('\r\n\r\n')) finish('answered');
    });
    socket.on('close', () => finish('closed'));
    socket.on('error', () => finish('closed'));
    const writer = setInterval(() => {
      const next = pieces.shift();
      if (next && !socket.destroyed) socket.write(next);
    }, parts.everyMs);
    const deadline = setTimeout(() => finish('still open'), withinMs);
  });
}
