// The module's exports. Built twice (relaxed SIMD with FMA, plain SIMD) with --runtime stub and
// an imported shared memory: no data segments, no start function, so every worker instantiates
// it on the same memory; the host lays out all buffers.
export { attend_head } from './attend';
export { exp_array } from './exp';
export { gemm, pack } from './gemm';
export { softmax_rows } from './softmax';
export { thumbnail } from './thumbs';
