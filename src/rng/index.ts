export { type LinearInit, TorchGenerator } from './generator.ts';
