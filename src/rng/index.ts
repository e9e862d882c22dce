export { type LinearInit, TorchGenerator } from './generator.ts';
export { MT19937 } from './mt19937.ts';
export { normalBlock16 } from './normal.ts';
export { type Twister, WasmDraws } from './wasm-draws.ts';
