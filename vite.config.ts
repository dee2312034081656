import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './scripts/tools/service-worker-plugin.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), serviceWorkerPlugin()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@shared': fileURLToPath(new URL('./supabase/functions/_shared', import.meta.url)),
    },
  },
  build: {
    // No run-time <link rel=modulepreload> insertion for lazy routes' dependencies: appending
    // ~20 links costs 60-200 ms of main thread at 4x CPU slowdown in Chromium, on every cold
    // start, while the browser finds the same chunks one import level later by itself (and the
    // service worker serves them from its cache after the first visit).
    modulePreload: false,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
