import type { ByteSource } from './bytes.js';

/** A byte source that tells `onBytes` how many bytes this pass has read so far, for a progress line. */
export function countedSource(source: ByteSource, onBytes: (bytesRead: number) => void): ByteSource {
  return () =>
    (async function* () {
      let bytesRead = 0;
      for await (const chunk of source()) {
        bytesRead += chunk.byteLength;
        onBytes(bytesRead);
        yield chunk;
      }
    })();
}
