import { defineConfig } from 'vite';

// React's automatic JSX runtime through Vite's own esbuild transform: no plugin needed.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One small bundle, no source maps in what the Go binary embeds.
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
