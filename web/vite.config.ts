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
  // `npm run dev` serves the sources with hot reload and sends /graphql to a recondo-graphql
  // running beside it (`make run` starts one on 127.0.0.1:8080 in --dev mode).
  server: { proxy: { '/graphql': process.env.RECONDO_GRAPHQL_URL ?? 'http://127.0.0.1:8080' } },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
