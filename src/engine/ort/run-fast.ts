import {
  buildFastMhaGraph,
  type FastMhaSpec,
  type FastMhaWeights,
  fastMhaWeightNames,
} from './fast-graph.ts';
import type { OrtModule, OrtSessionOptions } from './session-cache.ts';

export interface FastMhaOptions {
  /** Default `['wasm']`. */
  executionProviders?: OrtSessionOptions['executionProviders'];
  sessionOptions?: Omit<OrtSessionOptions, 'executionProviders'>;
  /** Bake these weights into the model (see buildFastMhaGraph); else pass them to each run. */
  bakedWeights?: FastMhaWeights;
}

/** One session of the benchmark's graph: `run` takes x [b, T, d_in] and returns output [b, T, d_out]. */
export interface FastMha {
  run(x: Float32Array, weights?: FastMhaWeights): Promise<Float32Array>;
  release(): Promise<void>;
}

export async function createFastMha(
  ort: OrtModule,
  spec: FastMhaSpec,
  options: FastMhaOptions = {},
): Promise<FastMha> {
  const baked = options.bakedWeights;
  const session = await ort.InferenceSession.create(buildFastMhaGraph(spec, baked), {
    ...options.sessionOptions,
    executionProviders: options.executionProviders ?? ['wasm'],
  });
  const shape = [spec.batch ?? 1, spec.T, spec.d_in];
  return {
    async run(x, weights) {
      const feeds: Record<string, InstanceType<OrtModule['Tensor']>> = {
        x: new ort.Tensor('float32', x, shape),
      };
      if (!baked) {
        if (!weights) throw new Error('this graph takes its weights as inputs: pass them to run');
        for (const name of fastMhaWeightNames(spec)) {
          const w = weights[name];
          if (!w) throw new Error(`missing weight ${name}`);
          feeds[name] = new ort.Tensor('float32', w.data, w.shape);
        }
      }
      const { output } = await session.run(feeds);
      return (await output.getData()) as Float32Array;
    },
    release: () => session.release(),
  };
}
