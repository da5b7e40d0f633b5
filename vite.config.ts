import { defineConfig } from 'vite';

export default defineConfig({
  // Relative URLs: the built app works from any folder of any static host.
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
});
