/**
 * The page's first script (its own entry, ahead of the app's: scripts/boot-entry.ts): work that
 * can start from the address alone starts here, while the app's bundle is still loading (the
 * Exercise 3.3 step's worker, see early-worker.ts; then the engine's worker, see early-engine.ts).
 */
import { prestartGpt2 } from './gpt2/early-worker.ts';
import { prestartEngine } from './store/early-engine.ts';

prestartGpt2(window.location.hash);
prestartEngine(window.location.hash);
