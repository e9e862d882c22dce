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

  /** A node with several outputs (Split). */
  multi(
    opType: string,
    inputs: readonly string[],
    count: number,
    attributes?: Record<string, AttributeValue>,
  ): string[] {
    const outputs = Array.from({ length: count }, () => this.fresh(opType.toLowerCase()));
    this.nodes.push({ opType, inputs, outputs, name: `${opType}_${this.next++}`, attributes });
    return outputs;
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
