/**
 * A minimal protobuf writer: just the wire types ONNX needs (varint, fixed32, length-delimited).
 * Hand-written so the app ships no protobuf library and no pre-built model blobs.
 * Fields are written in the order they are called; protobuf readers accept any order.
 */

/** Wire types from the protobuf encoding spec. */
export const WIRE = { varint: 0, fixed32: 5, lengthDelimited: 2 } as const;

const TWO_POW_64 = 1n << 64n;

/**
 * The base-128 varint of an integer. Negative values are written as their 64-bit two's
 * complement (ten bytes), which is how protobuf encodes negative int32 and int64 fields.
 */
export function encodeVarint(value: number | bigint): Uint8Array {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`varint needs a safe integer, got ${value}`);
  }
  let v = BigInt(value);
  if (v < 0n) v += TWO_POW_64;
  if (v < 0n || v >= TWO_POW_64) throw new RangeError(`varint out of 64-bit range: ${value}`);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Uint8Array.from(out);
}

const utf8 = new TextEncoder();

export class ProtoWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  /** The bytes written so far (a copy-free view; do not write after taking it). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  /** int32, int64, enum or bool field (wire type 0). */
  int(field: number, value: number | bigint | boolean): this {
    this.tag(field, WIRE.varint);
    return this.raw(encodeVarint(typeof value === 'boolean' ? (value ? 1 : 0) : value));
  }

  /** float field (wire type 5, little-endian IEEE 754 single). */
  float(field: number, value: number): this {
    this.tag(field, WIRE.fixed32);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    return this.raw(b);
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE.lengthDelimited);
    this.raw(encodeVarint(value.length));
    return this.raw(value);
  }

  string(field: number, value: string): this {
    return this.bytes(field, utf8.encode(value));
  }

  /** An embedded message: `write` fills a fresh writer whose bytes become the field. */
  message(field: number, write: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    write(inner);
    return this.bytes(field, inner.finish());
  }

  /** A packed repeated integer field (the proto3 default; accepted by proto2 readers too). */
  packedInts(field: number, values: readonly (number | bigint)[]): this {
    const parts = values.map((v) => encodeVarint(v));
    const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      body.set(p, at);
      at += p.length;
    }
    return this.bytes(field, body);
  }

  private tag(field: number, wire: number): void {
    if (!Number.isInteger(field) || field < 1 || field > 0x1fffffff) {
      throw new RangeError(`bad field number ${field}`);
    }
    this.raw(encodeVarint(field * 8 + wire));
  }

  private raw(bytes: Uint8Array): this {
    if (this.len + bytes.length > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.len + bytes.length));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
    return this;
  }
}
