/**
 * The page's first script (its own entry, ahead of the app's: scripts/boot-entry.ts): work that
 * can start from the address alone starts here, while the app's bundle is still loading (today:
 * the Exercise 3.3 step's worker, see early-worker.ts).
 */
import { prestartGpt2 } from './gpt2/early-worker.ts';

prestartGpt2(window.location.hash);
