// Undoing a response's Content-Encoding while it streams (safe-fetch.server.ts counts the bytes before
// and after): gzip, deflate (zlib-wrapped or raw) and br.
import { Transform, type TransformCallback } from "node:stream";
import zlib from "node:zlib";

/** HTTP "deflate" should be zlib-wrapped, but some servers send raw deflate: look at the first bytes. */
class AutoInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | undefined;
  private head = Buffer.alloc(0);

  private start(): zlib.Inflate | zlib.InflateRaw {
    const [first = 0, second = 0] = this.head;
    const zlibWrapped = (first & 0x0f) === 8 && ((first << 8) | second) % 31 === 0;
    const inner = zlibWrapped ? zlib.createInflate() : zlib.createInflateRaw();
    inner.on("data", (chunk: Buffer) => this.push(chunk));
    inner.on("error", (error) => this.destroy(error));
    this.inner = inner;
    return inner;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    let inner = this.inner;
    if (!inner) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 2) return callback();
      inner = this.start();
      chunk = this.head;
    }
    if (inner.write(chunk)) callback();
    else inner.once("drain", () => callback());
  }

  override _flush(callback: TransformCallback) {
    let inner = this.inner;
    if (!inner) {
      // The whole body was shorter than two bytes.
      inner = this.start();
      inner.write(this.head);
    }
    inner.once("end", () => callback());
    inner.end();
  }
}

/** The stream that undoes one Content-Encoding (gzip, deflate, br), or null for one we do not read. */
export function contentDecoder(encoding: string): Transform | null {
  switch (encoding) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return new AutoInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}
