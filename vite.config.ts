import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bootEntry } from './scripts/boot-entry.ts';
import { bpeRanksJson } from './scripts/bpe-ranks-json.ts';
import { prerenderLanding } from './scripts/prerender-landing.ts';

/** Cross-origin isolation: SharedArrayBuffer, hence WASM threads, needs both headers. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: '.',
  publicDir: 'public',
  plugins: [react(), bootEntry(), bpeRanksJson(), prerenderLanding()],
  server: { port: 5173, headers: isolationHeaders },
  preview: { port: 4173, headers: isolationHeaders },
  // Workers are bundled on their own: the GPT-2 step's worker imports the tokenizer.
  worker: { format: 'es', plugins: () => [bpeRanksJson()] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The app, its first script (see scripts/boot-entry.ts), and the page `npm run bench` drives.
    rollupOptions: { input: { main: 'index.html', boot: 'app/boot.ts', bench: 'bench.html' } },
  },
});
