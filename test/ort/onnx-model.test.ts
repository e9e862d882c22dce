import * as ort from 'onnxruntime-web';
import { describe, expect, it, vi } from 'vitest';
import { VARIANTS } from '../../src/engine/config.ts';
import { buildAttentionGraph, graphSpecOf } from '../../src/engine/ort/graph.ts';
import { GraphBuilder } from '../../src/engine/ort/graph-builder.ts';
import { encodeModel, IR_VERSION, OPSET } from '../../src/engine/ort/onnx.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { VARIANT_SPECS } from '../../src/engine/variants.ts';

// Compiling ORT's WASM takes seconds on a loaded machine; the first run of each file waits for it.
vi.setConfig({ testTimeout: 60_000 });

ort.env.wasm.numThreads = 1;

const f32 = (dims: number[], values: number[]) =>
  new ort.Tensor('float32', Float32Array.from(values), dims);

describe('the ONNX encoder', () => {
  it('writes ir_version, producer, graph and opset_import as onnx.proto numbers them', () => {
    const bytes = encodeModel(
      { name: 'g', nodes: [], initializers: [], inputs: [], outputs: [] },
      'p',
    );
    const irVersion = [0x08, IR_VERSION]; // ir_version (1)
    const producer = [0x12, 0x01, 0x70]; // producer_name (2) = "p"
    const graph = [0x3a, 0x03, 0x12, 0x01, 0x67]; // graph (7) { name (2) = "g" }
    const opset = [0x42, 0x04, 0x0a, 0x00, 0x10, OPSET]; // opset_import (8) { domain "", version }
    expect(Array.from(bytes)).toEqual([...irVersion, ...producer, ...graph, ...opset]);
  });

  it('builds a model ORT loads and runs: every attribute kind, int64/bool/float constants', async () => {
    const g = new GraphBuilder('smoke');
    const x = g.input('x', [2, 3]);
    const w = g.input('w', [3, 2]);
    const y = g.node('MatMul', [x, w], undefined, 'y');
    const t = g.node('Transpose', [y], { perm: { ints: [1, 0] } }, 'yt'); // ints
    const leaky = g.node('LeakyRelu', [t], { alpha: { f: 0.5 } }, 'leaky'); // float
    const mask = g.constant('mask', {
      type: 'bool',
      dims: [2, 2],
      data: Uint8Array.of(0, 1, 0, 0),
    });
    const masked = g.node(
      'Where',
      [mask, g.float('neg_inf', -Infinity), leaky],
      undefined,
      'masked',
    );
    g.node('Softmax', [masked], { axis: { i: -1 } }, 'soft'); // negative int
    const flat = g.node('Reshape', [leaky, g.ints('shape', [1, 1, 2, 2])]);
    g.node('DepthToSpace', [flat], { blocksize: { i: 1 }, mode: { s: 'CRD' } }, 'same'); // string
    for (const name of ['y', 'yt', 'leaky', 'masked', 'soft']) g.output(name, [2, 2]);
    g.output('same', [1, 1, 2, 2]);

    const session = await ort.InferenceSession.create(g.toModel(), {
      executionProviders: ['wasm'],
    });
    expect(session.inputNames).toEqual(['x', 'w']);
    expect(session.outputNames).toEqual(['y', 'yt', 'leaky', 'masked', 'soft', 'same']);
    const out = await session.run({
      x: f32([2, 3], [1, 2, 3, -4, -5, -6]),
      w: f32([3, 2], [1, 0, 0, 1, 1, 1]),
    });
    expect(Array.from(out.y.data as Float32Array)).toEqual([4, 5, -10, -11]);
    expect(Array.from(out.yt.data as Float32Array)).toEqual([4, -10, 5, -11]);
    expect(Array.from(out.leaky.data as Float32Array)).toEqual([4, -5, 5, -5.5]);
    expect(Array.from(out.masked.data as Float32Array)).toEqual([4, -Infinity, 5, -5.5]);
    const soft = Array.from(out.soft.data as Float32Array);
    expect(soft.slice(0, 2)).toEqual([1, 0]);
    expect(soft[2] + soft[3]).toBeCloseTo(1, 6);
    expect(Array.from(out.same.data as Float32Array)).toEqual([4, -5, 5, -5.5]);
    await session.release();
  });

  it.each(
    VARIANTS.flatMap(
      (v) =>
        [
          [v, false],
          [v, true],
        ] as const,
    ),
  )("the %s graph loads (dropout %s) with the trace's names", async (variant, dropout) => {
    const config = resolveConfig({
      variant,
      qkv_bias: true,
      training: dropout,
      dropout: dropout ? 0.5 : 0,
    });
    const session = await ort.InferenceSession.create(buildAttentionGraph(graphSpecOf(config)));
    expect(session.inputNames[0]).toBe('x');
    expect(session.inputNames.includes('dropout_mask')).toBe(dropout);
    expect(session.outputNames).toEqual([
      'queries',
      'keys',
      'values',
      'attn_scores',
      'masked_scores',
      'attn_weights',
      ...(dropout ? ['attn_weights_dropped'] : []),
      'context',
      ...(VARIANT_SPECS[variant].outProj ? ['context_concat'] : []),
      'output',
    ]);
    await session.release();
  });
});
