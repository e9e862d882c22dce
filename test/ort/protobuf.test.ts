import { describe, expect, it } from 'vitest';
import { writeTensor } from '../../src/engine/ort/onnx.ts';
import { encodeVarint, ProtoWriter } from '../../src/engine/ort/protobuf.ts';

const bytes = (w: ProtoWriter) => Array.from(w.finish());

describe('varints', () => {
  it.each([
    [0, [0x00]],
    [1, [0x01]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [150, [0x96, 0x01]],
    [300, [0xac, 0x02]],
    [16384, [0x80, 0x80, 0x01]],
    [2 ** 32, [0x80, 0x80, 0x80, 0x80, 0x10]],
    [Number.MAX_SAFE_INTEGER, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]],
  ])('%d', (value, want) => {
    expect(Array.from(encodeVarint(value))).toEqual(want);
  });

  it("writes negatives as ten-byte 64-bit two's complement (axis = -1)", () => {
    expect(Array.from(encodeVarint(-1))).toEqual([
      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
    ]);
    expect(Array.from(encodeVarint(-2))).toEqual([
      0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
    ]);
  });

  it('refuses what it cannot encode exactly', () => {
    expect(() => encodeVarint(1.5)).toThrow(RangeError);
    expect(() => encodeVarint(2 ** 53)).toThrow(RangeError);
    expect(() => encodeVarint(1n << 64n)).toThrow(RangeError);
  });
});

// The examples of https://protobuf.dev/programming-guides/encoding/, computed by hand there.
describe('fields', () => {
  it('varint field: 1 = 150', () => {
    expect(bytes(new ProtoWriter().int(1, 150))).toEqual([0x08, 0x96, 0x01]);
  });

  it('string field: 2 = "testing"', () => {
    expect(bytes(new ProtoWriter().string(2, 'testing'))).toEqual([
      0x12,
      0x07,
      ...Buffer.from('testing'),
    ]);
  });

  it('embedded message: 3 = { 1 = 150 }', () => {
    expect(bytes(new ProtoWriter().message(3, (m) => m.int(1, 150)))).toEqual([
      0x1a, 0x03, 0x08, 0x96, 0x01,
    ]);
  });

  it('packed repeated: 4 = [3, 270, 86942]', () => {
    expect(bytes(new ProtoWriter().packedInts(4, [3, 270, 86942]))).toEqual([
      0x22, 0x06, 0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05,
    ]);
  });

  it('float field (fixed32, little-endian): 2 = 1.5, and bools as varints', () => {
    expect(bytes(new ProtoWriter().float(2, 1.5))).toEqual([0x15, 0x00, 0x00, 0xc0, 0x3f]);
    expect(bytes(new ProtoWriter().int(5, true).int(6, false))).toEqual([0x28, 0x01, 0x30, 0x00]);
  });

  it('large field numbers take a multi-byte tag: 20 = 2 (AttributeProto.type = INT)', () => {
    expect(bytes(new ProtoWriter().int(20, 2))).toEqual([0xa0, 0x01, 0x02]);
  });

  it('grows past its first buffer and keeps every byte', () => {
    const payload = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    const out = new ProtoWriter().int(1, 7).bytes(9, payload).finish();
    expect(Array.from(out.subarray(0, 5))).toEqual([0x08, 0x07, 0x4a, 0xe8, 0x07]); // len 1000
    expect(out.subarray(5)).toEqual(payload);
  });

  it('refuses field numbers protobuf does not allow', () => {
    expect(() => new ProtoWriter().int(0, 1)).toThrow(RangeError);
  });
});

describe('TensorProto', () => {
  it('float32 [2] named w = [1, -2]: dims, data_type, name, raw_data', () => {
    const w = new ProtoWriter();
    writeTensor(w, { name: 'w', type: 'float32', dims: [2], data: Float32Array.of(1, -2) });
    const dims = [0x0a, 0x01, 0x02]; // dims (1), packed: [2]
    const dataType = [0x10, 0x01]; // data_type (2) = FLOAT
    const name = [0x42, 0x01, 0x77]; // name (8) = "w"
    const raw = [0x4a, 0x08, 0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0]; // raw_data (9): 1, -2
    expect(bytes(w)).toEqual([...dims, ...dataType, ...name, ...raw]);
  });

  it('a bool scalar has no dims and one byte of data', () => {
    const w = new ProtoWriter();
    writeTensor(w, { type: 'bool', dims: [], data: Uint8Array.of(1) });
    expect(bytes(w)).toEqual([0x10, 0x09, 0x4a, 0x01, 0x01]);
  });

  it('checks the data fits the dims', () => {
    expect(() =>
      writeTensor(new ProtoWriter(), { type: 'float32', dims: [3], data: new Float32Array(2) }),
    ).toThrow(/2 values for dims \[3\]/);
  });
});
