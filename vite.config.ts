import { defineConfig } from 'vite';

/** The bare specifiers the host provides (see `external` below): lit and its subpaths, @lit/localize, idb. */
const SHARED_MODULES = /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/localize|idb)(\/.*)?$/;

// The shipped plugin: one minified ES module (dist/index.js) plus the chunks the screen and dialogs
// load when first opened. `npm run build` copies plugin.json beside it.
export default defineConfig({
  publicDir: false,
  resolve: { conditions: ['es2015', 'module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'index.js',
    },
    rollupOptions: {
      // Shared modules: the host already loads Lit, @lit/localize and idb and resolves these bare
      // specifiers for its plugins (docs/host-contract.md, "Shared modules"). One copy on the page:
      // fewer bytes, one Lit, and one localization configuration that the host owns.
      external: (id: string) => SHARED_MODULES.test(id),
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        codeSplitting: {
          groups: [
            // Everything activation loads statically in one chunk: many small shared chunks each cost a
            // request and compress worse than one.
            { name: 'activation', tags: ['$initial'], priority: 3 },
            // What runs right after activation, without holding it up: the poller's engine, the payload
            // check (valibot), the importer, and the deadline arithmetic the warnings need for the first
            // waiting order.
            {
              name: 'background',
              test: /[\\/]src[\\/]services[\\/](sync[\\/]|lifecycle[\\/](business-hours|business-calendar-settings|time-left|deadline-module)\.ts$|import[\\/](importer-module|order-importer)\.ts$)|node_modules[\\/]valibot[\\/]/,
              priority: 2,
            },
            // The screen, its services and every dialog in one chunk: they are used together, and one
            // chunk compresses several kB better than a dozen small ones.
            { name: 'screen', test: /[\\/]src[\\/](components|contributions|services[\\/](import|lifecycle|receipt|screen))[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
