// Compiles the AssemblyScript kernels (src/kernels/assembly) twice: with relaxed SIMD (FMA) and
// plain SIMD. Runtime stub, imported shared memory, no data segments: see src/kernels/README.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';

const OUT = 'src/kernels/build';
const LIMIT = 100 * 1024;
const common = [
  'src/kernels/assembly/index.ts',
  '--runtime',
  'stub',
  '--importMemory',
  '--sharedMemory',
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
for (const [name, extra] of [
  ['relaxed', ['--enable', 'relaxed-simd']],
  ['plain', []],
]) {
  const file = `${OUT}/kernels-${name}.wasm`;
  execFileSync(
    'node',
    ['node_modules/assemblyscript/bin/asc.js', ...common, ...extra, '--outFile', file],
    {
      stdio: 'inherit',
    },
  );
  const { size } = statSync(file);
  if (size > LIMIT) throw new Error(`${file} is ${size} bytes, over the ${LIMIT}-byte budget`);
  console.log(`${file}: ${size} bytes`);
}
