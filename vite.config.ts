import { defineConfig } from 'vite';
import { minifyTemplateLiterals } from './scripts/minify-template-literals.mjs';
import { moduleAliasFiles } from './scripts/module-aliases.mjs';
import { pruneIdenticalTranslations } from './scripts/prune-identical-translations.mjs';

/** The bare specifiers the host provides (see `external` below): lit and its subpaths, @lit/localize, idb. */
const SHARED_MODULES = /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/localize|idb)(\/.*)?$/;

// The shipped plugin: one minified ES module (dist/index.js) with what activation loads, the rest of
// the plugin fetched right after, and the English messages. `npm run build` copies plugin.json beside it.
export default defineConfig({
  publicDir: false,
  plugins: [minifyTemplateLiterals(), pruneIdenticalTranslations()],
  resolve: {
    conditions: ['es2015', 'module', 'browser', 'production'],
    alias: moduleAliasFiles,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Two minifiers, measured: terser's compressor (two passes) folds more, then the bundler's own
    // minifier (output.minify) mangles and prints; 1.4 kB gzip less than either alone. Without
    // inlining functions: that made the shipped screen slower (npm run bench, 10,000 orders: first
    // open 112 → 81 ms, scroll frames p95 33 → 17 ms, first keystroke 17.5 → 10.9 ms without it).
    minify: 'terser',
    terserOptions: { module: true, compress: { passes: 2, inline: false }, mangle: false },
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
      // terser takes most of the build's few seconds; that is known, not worth a warning on every build.
      checks: { pluginTimings: false },
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // A library build keeps the tree-shaking annotations for a bundler after it; nothing bundles dist/ again.
        comments: { legal: true, annotation: false, jsdoc: false },
        minify: true,
        codeSplitting: {
          groups: [
            // Everything activation loads statically in one chunk: many small shared chunks each cost a
            // request and compress worse than one.
            { name: 'activation', tags: ['$initial'], priority: 3 },
            // Everything else but the English messages, in one chunk fetched right after activation (the
            // poller's engine and the deadline warnings ask for it at once): the poller's engine, the
            // payload check (valibot), the importer, the deadline arithmetic, and the screen with its
            // services and dialogs, so the screen opens without waiting for its code. One chunk compresses
            // better than several: 1.1 kB gzip less than a separate screen chunk (issue #8's budget).
            {
              name: 'background',
              test: /[\\/]src[\\/](components|contributions|services[\\/](sync|import|lifecycle|receipt|screen))[\\/]|node_modules[\\/]valibot[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
});
