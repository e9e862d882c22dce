/**
 * The page's one entry script, kept tiny: work that can start from the address alone starts
 * here (today: the Exercise 3.3 step's worker, see early-worker.ts), and only then the app's
 * bundle is fetched and evaluated. A second `<script>` in index.html would not do: Vite bundles
 * a page's module scripts into one entry, so the worker would wait for the app's ~900 kB.
 */
import { prestartGpt2 } from './gpt2/early-worker.ts';

prestartGpt2(window.location.hash);
void import('./main.tsx');
