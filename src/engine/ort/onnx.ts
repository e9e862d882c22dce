import { ProtoWriter } from './protobuf.ts';

/**
 * Encoders for the parts of onnx.proto a plain inference graph needs, with its field numbers
 * (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto). Opset 17 / IR version 8 load in
 * onnxruntime-web 1.30 (measured, ../shared/ENVIRONMENT.md).
 */
export const OPSET = 17;
export const IR_VERSION = 8;

/** TensorProto.DataType values for the element types the graphs use. */
export const DATA_TYPE = { float32: 1, int64: 7, bool: 9 } as const;
export type ElemType = keyof typeof DATA_TYPE;

/** A constant tensor (initializer or attribute). Data is stored as raw little-endian bytes. */
export interface TensorSpec {
  name?: string;
  type: ElemType;
  dims: readonly number[];
  data: Float32Array | BigInt64Array | Uint8Array;
}

/** A graph input or output: name, element type and shape (a string dim is symbolic). */
export interface ValueInfoSpec {
  name: string;
  type: ElemType;
  dims: readonly (number | string)[];
}

/** One attribute value, tagged with the AttributeProto field it goes into. */
export type AttributeValue =
  | { i: number }
  | { f: number }
  | { s: string }
  | { ints: readonly number[] }
  | { t: TensorSpec };

export interface NodeSpec {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  domain?: string;
  attributes?: Record<string, AttributeValue>;
}

export interface GraphSpec {
  name: string;
  nodes: readonly NodeSpec[];
  initializers: readonly TensorSpec[];
  inputs: readonly ValueInfoSpec[];
  outputs: readonly ValueInfoSpec[];
}

/** AttributeProto.AttributeType values. */
const ATTRIBUTE_TYPE = { f: 1, i: 2, s: 3, t: 4, ints: 7 } as const;

export function encodeModel(graph: GraphSpec, producer = 'attention-lab'): Uint8Array {
  const w = new ProtoWriter();
  w.int(1, IR_VERSION); // ir_version
  w.string(2, producer); // producer_name
  w.message(7, (g) => writeGraph(g, graph)); // graph
  w.message(8, (o) => o.string(1, '').int(2, OPSET)); // opset_import: default domain
  return w.finish();
}

function writeGraph(w: ProtoWriter, graph: GraphSpec): void {
  for (const node of graph.nodes) w.message(1, (n) => writeNode(n, node));
  w.string(2, graph.name);
  for (const t of graph.initializers) w.message(5, (m) => writeTensor(m, t));
  for (const v of graph.inputs) w.message(11, (m) => writeValueInfo(m, v));
  for (const v of graph.outputs) w.message(12, (m) => writeValueInfo(m, v));
}

function writeNode(w: ProtoWriter, node: NodeSpec): void {
  for (const i of node.inputs) w.string(1, i);
  for (const o of node.outputs) w.string(2, o);
  if (node.name) w.string(3, node.name);
  w.string(4, node.opType);
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    w.message(5, (a) => writeAttribute(a, name, value));
  }
  if (node.domain) w.string(7, node.domain);
}

function writeAttribute(w: ProtoWriter, name: string, value: AttributeValue): void {
  w.string(1, name);
  if ('i' in value) w.int(3, value.i);
  else if ('f' in value) w.float(2, value.f);
  else if ('s' in value) w.string(4, value.s);
  // Repeated int64 in proto2 is unpacked by declaration, but parsers must accept packed too.
  else if ('ints' in value) w.packedInts(8, value.ints);
  else w.message(5, (t) => writeTensor(t, value.t));
  const kind = Object.keys(value)[0] as keyof typeof ATTRIBUTE_TYPE;
  w.int(20, ATTRIBUTE_TYPE[kind]); // type: required since IR version 2
}

export function writeTensor(w: ProtoWriter, t: TensorSpec): void {
  const count = t.dims.reduce((n, d) => n * d, 1);
  if (t.data.length !== count) {
    throw new Error(`tensor ${t.name ?? ''} has ${t.data.length} values for dims [${t.dims}]`);
  }
  if (t.dims.length > 0) w.packedInts(1, t.dims); // dims
  w.int(2, DATA_TYPE[t.type]); // data_type
  if (t.name) w.string(8, t.name);
  w.bytes(9, littleEndianBytes(t.data)); // raw_data
}

function writeValueInfo(w: ProtoWriter, v: ValueInfoSpec): void {
  w.string(1, v.name);
  // type → tensor_type { elem_type, shape { dim { dim_value | dim_param } } }
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, DATA_TYPE[v.type]);
      tensor.message(2, (shape) => {
        for (const d of v.dims) {
          shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
        }
      });
    }),
  );
}

/** raw_data is little-endian; typed arrays use the platform's order, little-endian everywhere we run. */
function littleEndianBytes(data: Float32Array | BigInt64Array | Uint8Array): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error('big-endian platforms are not supported');
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
