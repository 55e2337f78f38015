import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer bundle (one bundle, every window kind). `base: './'` keeps asset URLs relative so
 * the same build loads from Electron's app:// protocol and from the browser host's http root.
 * Unit tests are configured in vitest.config.ts, not here.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Loaded from disk or localhost, never over a slow network; antd alone is most of the ~1 MB.
    chunkSizeWarningLimit: 2000,
  },
});
