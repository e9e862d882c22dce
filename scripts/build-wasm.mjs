// Compiles the AssemblyScript kernels (src/kernels/assembly): with relaxed SIMD (FMA) and plain
// SIMD, each for an imported shared memory (threads) and for a plain one (one thread in a page
// that is not cross-origin isolated). Runtime stub, no data segments: see README.md.
// And PyTorch's random draws for the GPT-2 tables (src/rng/assembly), a module of its own with its
// own memory: plain SIMD, and with relaxed SIMD for its fused multiply-add.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';

const OUT = 'src/kernels/build';
const LIMIT = 100 * 1024;
const common = [
  'src/kernels/assembly/index.ts',
  '--runtime',
  'stub',
  '--importMemory',
  '--initialMemory',
  '1',
  '--maximumMemory',
  '16384',
  '--enable',
  'simd',
  '--enable',
  'threads',
  '-O3',
  '--noAssert',
];
mkdirSync(OUT, { recursive: true });
const builds = [
  ['relaxed', ['--enable', 'relaxed-simd', '--sharedMemory']],
  ['plain', ['--sharedMemory']],
  ['relaxed-single', ['--enable', 'relaxed-simd']],
  ['plain-single', []],
];
const asc = 'node_modules/assemblyscript/bin/asc.js';
function compile(args, file) {
  execFileSync('node', [asc, ...args, '--outFile', file], { stdio: 'inherit' });
  const { size } = statSync(file);
  if (size > LIMIT) throw new Error(`${file} is ${size} bytes, over the ${LIMIT}-byte budget`);
  console.log(`${file}: ${size} bytes`);
}
for (const [name, extra] of builds) compile([...common, ...extra], `${OUT}/kernels-${name}.wasm`);

const RNG_OUT = 'src/rng/build';
mkdirSync(RNG_OUT, { recursive: true });
const drawsArgs = [
  'src/rng/assembly/draws.ts',
  ...['--runtime', 'stub', '--initialMemory', '1', '--enable', 'simd', '-O3', '--noAssert'],
];
compile(drawsArgs, `${RNG_OUT}/draws.wasm`);
// With relaxed SIMD: its fused multiply-add makes normal_ and uniform_ four lanes at a time.
compile([...drawsArgs, '--enable', 'relaxed-simd'], `${RNG_OUT}/draws-relaxed.wasm`);
