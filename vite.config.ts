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
