/** Chunk size of a streamed upload: small enough for a smooth progress bar, large enough to cost nothing. */
const CHUNK = 64 * 1024;

/**
 * The bytes as a pull stream that reports how much has been handed to fetch. fetch has no upload progress
 * event; since it pulls the next chunk only when the connection takes more, this tracks the network closely.
 * Streamed request bodies need Node ≥ 20, or HTTP/2 in Chromium browsers.
 */
export function progressStream(
  bytes: Uint8Array,
  onProgress: (sent: number, total: number) => void,
): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.length) {
          controller.close();
          return;
        }
        const end = Math.min(offset + CHUNK, bytes.length);
        controller.enqueue(bytes.subarray(offset, end));
        offset = end;
        onProgress(offset, bytes.length);
      },
    },
    { highWaterMark: 0 },
  );
}
