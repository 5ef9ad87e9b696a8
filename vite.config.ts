import { defineConfig } from 'vite';

// The shipped plugin: one minified ES module (dist/index.js) plus the chunks the screen and dialogs
// load when first opened. `npm run build` copies plugin.json beside it.
export default defineConfig({
  publicDir: false,
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
      // @lit/localize has no side effects on import (no globals, no element definitions). Saying so lets
      // its runtime (configureLocalization, ~1 kB gzip), which only the plugin's own copy needs, go to the
      // lazy chunk of src/localization/plugin-copy.ts: otherwise the package root that every msg() import
      // loads drags it into what activation loads.
      treeshake: { moduleSideEffects: (id: string) => !/@lit[\\/]localize[\\/]/.test(id) },
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        codeSplitting: {
          groups: [
            // Lit's element base is shared by the lazily loaded components only: one chunk, named for what it is.
            { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/, priority: 2 },
            // Everything activation loads statically in one chunk: many small shared chunks each cost a
            // request and compress worse than one.
            { name: 'activation', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
});
