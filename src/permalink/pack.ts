/**
 * Packs a link's JSON as base64url(zlib(UTF-8)). zlib is DEFLATE (fflate) plus a 2-byte header
 * and an Adler-32 checksum of the JSON. fflate does not check that checksum, so this module does:
 * without it a link with one character flipped can inflate to different but readable JSON and
 * silently open the wrong view instead of saying the link is damaged. The cost is 8 characters.
 */
import { Inflate, zlibSync } from 'fflate';
import { MAX_UNPACKED_BYTES } from '../chapter/limits.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';

export type Unpacked = { ok: true; text: string } | { ok: false; reason: 'damaged' | 'too-large' };

/** Input is fed to the inflater in slices, so a "zip bomb" is stopped after ~1 MB of excess. */
const SLICE_BYTES = 1024;

export function packText(text: string): string {
  return encodeBase64Url(zlibSync(new TextEncoder().encode(text), { level: 9 }));
}

export function unpackText(payload: string): Unpacked {
  const damaged: Unpacked = { ok: false, reason: 'damaged' };
  const bytes = decodeBase64Url(payload);
  // 2 header bytes, at least 1 byte of DEFLATE, 4 checksum bytes.
  if (bytes === null || bytes.length < 7 || !isZlibHeader(bytes[0], bytes[1])) return damaged;
  const body = bytes.subarray(2, bytes.length - 4);
  const inflated = inflateCapped(body);
  if (inflated === 'too-large') return { ok: false, reason: 'too-large' };
  if (inflated === null) return damaged;
  const expected = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0);
  if (adler32(inflated) !== expected) return damaged;
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(inflated),
    };
  } catch {
    return damaged;
  }
}

/** CM = 8 (deflate), window ≤ 32 KiB, header checksum, and no preset dictionary. */
function isZlibHeader(cmf: number, flg: number): boolean {
  return (cmf & 15) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0 && (flg & 32) === 0;
}

function inflateCapped(body: Uint8Array): Uint8Array | 'too-large' | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_UNPACKED_BYTES) {
      tooLarge = true;
      throw new Error('too large');
    }
    chunks.push(chunk);
  });
  try {
    if (body.length === 0) return null;
    for (let i = 0; i < body.length; i += SLICE_BYTES) {
      const end = Math.min(i + SLICE_BYTES, body.length);
      inflater.push(body.subarray(i, end), end === body.length);
    }
  } catch {
    return tooLarge ? 'too-large' : null;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** RFC 1950 Adler-32. Sums are reduced every 5552 bytes, the most that cannot overflow 32 bits. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    const end = Math.min(i + 5552, data.length);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
