import {
  type AttributeValue,
  type ElemType,
  encodeModel,
  type NodeSpec,
  type TensorSpec,
  type ValueInfoSpec,
} from './onnx.ts';

/**
 * Collects nodes, constants, inputs and outputs of one graph in topological order (the order
 * of the calls), naming intermediates automatically unless a name is given — graph outputs
 * use the trace's names, so a node that produces `attn_scores` is asked for that name.
 */
/**
 * Most inputs one Concat may take. ORT's WebGPU (JSEP) kernels bind every input and output of
 * Split and Concat as a storage buffer of one shader, and ORT asks the device for WebGPU's
 * default limit of 8 storage buffers per shader stage. A Split into the default 8 query blocks,
 * or a Concat of their 8 contexts, needs 9: the pipeline fails validation (logged only as an
 * uncaught WebGPU error), the batch of kernels submitted with it never runs, and the output is
 * silently wrong (max |Δ| ≈ 0.3–0.6 at T ≥ 8) while WASM is exact. So the graph slices each query
 * block on its own (1 input, 1 output, as cheap as Split on WASM) and concatenates at most 7
 * tensors per Concat, nesting Concats beyond that (one extra copy of the context, < 1 ms here).
 */
export const MAX_CONCAT_INPUTS = 7;

/** Splits n parts into the fewest groups of at most `max`, sizes differing by at most one. */
function groupSizes(n: number, max: number): number[] {
  const count = Math.ceil(n / max);
  const base = Math.floor(n / count);
  return Array.from({ length: count }, (_, i) => base + (i < n % count ? 1 : 0));
}

export class GraphBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly initializers: TensorSpec[] = [];
  private readonly inputs: ValueInfoSpec[] = [];
  private readonly outputs: ValueInfoSpec[] = [];
  private next = 0;

  constructor(private readonly name: string) {}

  input(name: string, dims: readonly number[], type: ElemType = 'float32'): string {
    this.inputs.push({ name, type, dims });
    return name;
  }

  /** Declares the value `name` a graph output; ORT checks the declared shape against its own. */
  output(name: string, dims: readonly number[], type: ElemType = 'float32'): void {
    this.outputs.push({ name, type, dims });
  }

  /** A constant tensor stored in the model. */
  constant(hint: string, tensor: Omit<TensorSpec, 'name'>): string {
    const name = this.fresh(hint);
    this.initializers.push({ ...tensor, name });
    return name;
  }

  float(hint: string, value: number): string {
    return this.constant(hint, { type: 'float32', dims: [], data: Float32Array.of(value) });
  }

  /** A 1-D int64 constant: shapes, axes, perms and split sizes. */
  ints(hint: string, values: readonly number[]): string {
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    return this.constant(hint, { type: 'int64', dims: [values.length], data });
  }

  /** Adds a node with one output and returns that output's name (`out` if given). */
  node(
    opType: string,
    inputs: readonly string[],
    attributes?: Record<string, AttributeValue>,
    out?: string,
  ): string {
    const output = out ?? this.fresh(opType.toLowerCase());
    this.nodes.push({
      opType,
      inputs,
      outputs: [output],
      name: `${opType}_${this.next++}`,
      attributes,
    });
    return output;
  }

  /**
   * Concat along `axis` using Concats of at most MAX_CONCAT_INPUTS inputs each, nested when
   * there are more (see MAX_CONCAT_INPUTS: more breaks ORT's WebGPU provider).
   */
  concat(parts: string[], axis: number): string {
    if (parts.length === 1) return parts[0];
    if (parts.length <= MAX_CONCAT_INPUTS) return this.node('Concat', parts, { axis: { i: axis } });
    const groups: string[] = [];
    let from = 0;
    for (const n of groupSizes(parts.length, MAX_CONCAT_INPUTS)) {
      groups.push(this.concat(parts.slice(from, from + n), axis));
      from += n;
    }
    return this.concat(groups, axis);
  }

  /** The serialised ModelProto, ready for `InferenceSession.create`. */
  toModel(): Uint8Array {
    return encodeModel({
      name: this.name,
      nodes: this.nodes,
      initializers: this.initializers,
      inputs: this.inputs,
      outputs: this.outputs,
    });
  }

  private fresh(hint: string): string {
    return `${hint}_${this.next++}`;
  }
}
