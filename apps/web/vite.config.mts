import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Vite 8 transforms TSX itself (oxc); React 19's automatic runtime.
export default defineConfig({
  root: here('.'),
  resolve: {
    alias: {
      // The domain's pure functions (calendar, deadlines, labels) are shared with the API, not copied.
      '@cchc/domain': here('../../libs/domain/src/index.ts'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    rolldownOptions: {
      // antd marks its modules "use client" (a React Server Components hint, meaningless in a browser bundle).
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '^/(auth|plan-imports|plans|obligations|inbox|reports|notifications|me|units|calendar|indicators|approvals|review|audit|users)':
        'http://127.0.0.1:3000',
    },
  },
});
