/**
 * Reads a request body as UTF-8 text under a size cap. An oversize body is
 * still read to the end (discarding it, up to a hard limit) before the 413
 * goes out: answering mid-upload makes HTTP clients report a broken socket
 * instead of the response, and leaves a half-read keep-alive connection that
 * the next request would trip over.
 */
import { ProtocolError } from "./errors";

const DRAIN_LIMIT_BYTES = 256 * 1024 * 1024;

function tooLarge(maxBytes: number): ProtocolError {
  return new ProtocolError("BODY_TOO_LARGE", `Request body exceeds ${maxBytes} bytes`, 413);
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  let total = alreadyRead;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    total += value.byteLength;
    if (total > DRAIN_LIMIT_BYTES) {
      await reader.cancel();
      return;
    }
  }
}

export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await drain(reader, 0);
    throw tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await drain(reader, size);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}
