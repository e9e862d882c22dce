/** The small pieces: base64url, float32 decimals, packing, and the limits themselves. */

import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as L from '../../src/chapter/limits.ts';
import { LIMITS } from '../../src/engine/limits.ts';
import { decodeBase64Url, encodeBase64Url } from '../../src/permalink/base64url.ts';
import { toFloat32Decimal } from '../../src/permalink/float32.ts';
import { adler32, packText, unpackText } from '../../src/permalink/pack.ts';

describe('base64url', () => {
  it('matches Node and round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('rejects stray characters, impossible lengths and non-zero trailing bits', () => {
    for (const bad of ['A', 'AB=', 'A+B/', 'AB C', 'AB\u00e9', 'AB', 'AAB']) {
      expect(decodeBase64Url(bad)).toBeNull();
    }
    expect(decodeBase64Url('AA')).toEqual(new Uint8Array([0]));
  });
});

describe('float32 decimals', () => {
  it('is the shortest decimal naming the same float32, and idempotent', () => {
    expect(toFloat32Decimal(0.43)).toBe(0.43);
    expect(toFloat32Decimal(Math.fround(0.1))).toBe(0.1);
    expect(toFloat32Decimal(1 / 3)).toBe(0.33333334);
    expect(toFloat32Decimal(-0)).toBe(0);
    expect(toFloat32Decimal(1e6)).toBe(1e6);
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), (x) => {
        const d = toFloat32Decimal(x);
        expect(Math.fround(d)).toBe(Math.fround(x) + 0);
        expect(toFloat32Decimal(d)).toBe(d);
        expect(
          String(d)
            .replace(/^-|e.*$/g, '')
            .replace('.', '')
            .replace(/^0+/, '').length,
        ).toBeLessThanOrEqual(9);
      }),
    );
  });
});

describe('packing', () => {
  it('is zlib (header + Adler-32) in base64url, and checks the checksum', () => {
    const text = JSON.stringify({ v: 1, name: 'héllo 🎉' });
    const packed = packText(text);
    expect(unpackText(packed)).toEqual({ ok: true, text });
    const bytes = new TextEncoder().encode(text);
    expect(adler32(bytes)).toBe(
      new DataView(zlibSync(bytes).buffer).getUint32(zlibSync(bytes).length - 4),
    );
    const raw = Buffer.from(packed, 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(unpackText(raw.toString('base64url'))).toEqual({ ok: false, reason: 'damaged' });
  });
});

describe('limits', () => {
  it('stay within what the engine accepts', () => {
    expect(L.MAX_TOKENS).toBeLessThanOrEqual(LIMITS.maxTokens);
    expect(L.MAX_D_IN).toBeLessThanOrEqual(LIMITS.maxDIn);
    expect(L.MAX_D_OUT).toBeLessThanOrEqual(LIMITS.maxDOut);
    expect(L.MAX_HEADS).toBeLessThanOrEqual(LIMITS.maxHeads);
    expect(L.MAX_SEED).toBeLessThanOrEqual(LIMITS.maxSeed);
    expect(L.MAX_DROPOUT).toBeLessThan(1);
  });
});
