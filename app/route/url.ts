/**
 * Reading the address bar. The hash is the permalink (src/permalink: `#/3.5.1` for a step's
 * book example, `#/3.5.1?s=…` for an edited view); the query's `?backend=` is an override for
 * tests and benchmarks that the permalink codec does not know about.
 */
import { BACKEND_CHOICES, type BackendChoice, type StepId } from '../../src/chapter/view.ts';

/** Whether the hash names a view at all; a bare `#` or `#/` is the same as no hash. */
export function hasLink(hash: string): boolean {
  return hash !== '' && hash !== '#' && hash !== '#/';
}

/** A step's book example, as a link. */
export function hashForStep(step: StepId): string {
  return `#/${step}`;
}

/** `?backend=webgpu|wasm|reference|auto` forces that backend; null when absent or unknown. */
export function backendOverride(search: string): BackendChoice | null {
  const value = new URLSearchParams(search).get('backend');
  return (BACKEND_CHOICES as readonly (string | null)[]).includes(value)
    ? (value as BackendChoice)
    : null;
}

export { hashText } from '../../src/permalink/hash-text.ts';
