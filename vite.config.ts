import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative URLs: the built app works from any folder of any static host.
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
        // The custom element: one ES module at a stable address, erqi-axis-map.js beside index.html.
        element: resolve(import.meta.dirname, 'src/embed/element.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'element' ? 'erqi-axis-map.js' : 'assets/[name]-[hash].js'),
        // MapLibre in a chunk of its own: cached across the app, the iframe and the element, and measured apart.
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] },
      },
    },
  },
});
