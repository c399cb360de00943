import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));
const lib = (path: string) => fileURLToPath(new URL(`../../libs/${path}`, import.meta.url));

/**
 * The libs the portal shares with the services: browser-safe files only (form messages, the
 * rules of @dvc/contracts/<rule>). The contracts index is imported for types only (lint).
 */
const alias = [
  { find: /^@dvc\/contracts\/(.*)$/, replacement: lib('contracts/src/$1') },
  { find: '@dvc/contracts', replacement: lib('contracts/src') },
  { find: '@dvc/forms', replacement: lib('forms/src') },
];

/**
 * The web portal (Cổng Dịch vụ công): built into dist/portal, served by the gateway at `/`.
 * No @vitejs/plugin-react (its peer range excludes Vite 8): Vite's own oxc transform compiles
 * TSX with the automatic JSX runtime; there is no Fast Refresh, a save reloads the page.
 */
export default defineConfig({
  root: here,
  publicDir: 'public',
  resolve: { alias },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/portal', import.meta.url)),
    emptyOutDir: true,
    // Hashed file names under assets/: the gateway serves them as immutable.
    assetsDir: 'assets',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd and TanStack Query mark modules "use client" for React Server Components; a
      // browser-only bundle has nothing to preserve there.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // `npm start` runs the gateway on :3000; the dev server forwards the API there.
    proxy: { '/api': 'http://localhost:3000' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
