import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit and component tests only; Playwright owns e2e/. Component tests opt into jsdom per file
// with `// @vitest-environment jsdom`.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    // Node 20's V8 validates relaxed SIMD only behind this flag: the kernels' FMA build is
    // tested here as well as the plain one (Chromium runs it without a flag).
    execArgv: ['--experimental-wasm-relaxed-simd'],
  },
});
