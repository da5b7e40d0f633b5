import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * `npm start` serves the custom element at the address a build gives it (/erqi-axis-map.js), so the Embed
 * dialog's element snippet works in development too, not only after `npm run build`.
 */
const elementInDev = (): Plugin => ({
  name: 'erqi-element-in-dev',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url?.split('?')[0] === '/erqi-axis-map.js') req.url = '/src/embed/element.ts';
      next();
    });
  },
});

export default defineConfig({
  // Relative URLs: the built app works from any folder of any static host.
  base: './',
  plugins: [elementInDev()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    modulePreload: { polyfill: false },
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
        chunkFileNames: (chunk) => (chunk.name.startsWith('shared') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js'),
        // MapLibre in a chunk of its own: cached across the app, the iframe and the element, and measured apart. The
        // app's modules that several entries share go into a few chunks by which entries use them (entriesAware, the
        // small ones merged): a first load of 5 scripts instead of 12, and no entry loads code it does not use.
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/, priority: 10 }, { name: 'shared', test: /[\\/]src[\\/]/, minShareCount: 2, entriesAware: true, entriesAwareMergeThreshold: 8000 }] },
      },
    },
  },
});
