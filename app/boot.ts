/**
 * The page's first script, before the app's bundle is evaluated: work that can start from the
 * address alone starts here (today: the Exercise 3.3 step's worker, see early-worker.ts).
 */
import { prestartGpt2 } from './gpt2/early-worker.ts';

prestartGpt2(window.location.hash);
