// Every test runs in real headless Chromium: real IndexedDB, Web Locks, BroadcastChannel.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { buildSync } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChrome, installHint } from './scripts/chrome-path.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { checkTranslations } from './scripts/check-translations.mjs';
import { moduleAliases } from './scripts/module-aliases.mjs';
import { minifyTemplates } from './scripts/minify-template-literals.mjs';
import { identicalTranslationIds, pruneTranslations } from './scripts/prune-identical-translations.mjs';
import { parseAst } from 'vite';
import { defaultReporter } from '@web/test-runner';

const TEST_TIMEOUT_MS = 20_000;
const executablePath = findChrome();
if (!executablePath) throw new Error(installHint);

// The role-and-name queries (testing-library) depend on CommonJS packages the dev server cannot serve
// as ES modules; bundle them once into one ES module that tests import under the package's name.
const roleQueriesBundle = 'node_modules/.cache/test-bundles/shadow-dom-testing-library.js';
buildSync({
  entryPoints: ['shadow-dom-testing-library'],
  bundle: true,
  format: 'esm',
  outfile: roleQueriesBundle,
  define: { 'process.env.NODE_ENV': '"test"', global: 'globalThis' },
  logLevel: 'error',
});

/** The example plugins' `main` (examples/<name>/dist/index.js), served from their source like ours. */
function exampleMain(path) {
  const match = /^\/examples\/([\w-]+)\/dist\/index\.js$/.exec(path);
  return match ? `/examples/${match[1]}/src/index.ts` : undefined;
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  // Lit's dev-mode banner repeats for every file and hides the logs that matter.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testsFinishTimeout: 180_000,
  // Above the waits' own limits (10 s at most), so a wait that gives up says what it waited for and
  // what it saw, instead of mocha's bare timeout.
  testFramework: { config: { timeout: TEST_TIMEOUT_MS } },
  plugins: [
    // The shell loads the plugin through plugin.json's "main" (dist/index.js), as an installed plugin;
    // under test that module is served from the TypeScript source.
    {
      name: 'plugin-main-from-source',
      transformImport({ source }) {
        if (source === '/dist/index.js') return '/src/index.ts';
        return exampleMain(source) ?? undefined;
      },
      serve(context) {
        if (context.path === '/dist/index.js') return { body: "export * from '/src/index.ts';", type: 'js' };
        const example = exampleMain(context.path);
        if (example) return { body: `export * from '${example}';`, type: 'js' };
        return undefined;
      },
    },
    // The shipped plugin as a shop installs it (dist/ with its plugin.json), under /shipped/, so a test
    // can load the real bundle: unlike /dist/index.js above, nothing here maps to the source.
    // Its bare imports of the host's shared modules (lit, @lit/localize, idb) resolve to the copies
    // the shell under test uses, as a host's import map would.
    {
      name: 'shipped-plugin',
      serve(context) {
        const match = /^\/shipped\/(dist\/[\w./-]+\.(?:js|json))$/.exec(context.path);
        if (!match || match[1].includes('..')) return undefined;
        const file = new URL(`./${match[1]}`, import.meta.url);
        if (!existsSync(file)) return { body: `/* ${match[1]} is missing: run \`npm run build\` first */`, type: 'js', status: 404 };
        return { body: readFileSync(file, 'utf8'), type: match[1].endsWith('.json') ? 'json' : 'js' };
      },
    },
    // msw's service worker must sit at the site root (its scope); `npm start` serves it from public/.
    {
      name: 'msw-service-worker',
      serve(context) {
        if (context.path !== '/mockServiceWorker.js') return undefined;
        return { body: readFileSync(new URL('./public/mockServiceWorker.js', import.meta.url), 'utf8'), type: 'js' };
      },
    },
    // test/unit/translations.test.ts asks the Node side whether every msg() in src/ and shell/ has English.
    {
      name: 'translation-check',
      executeCommand({ command }) {
        return command === 'check-translations' ? checkTranslations() : undefined;
      },
    },
    // The build's own transforms (vite.config.ts), run on the Node side for test/unit/build-transforms.test.ts.
    {
      name: 'build-transforms',
      executeCommand({ command, payload }) {
        if (command === 'minify-templates') return minifyTemplates(payload.code, parseAst)?.code ?? payload.code;
        if (command === 'prune-translations') return pruneTranslations(payload.code, identicalTranslationIds(payload.xliff), parseAst)?.code ?? payload.code;
        return undefined;
      },
    },
    {
      name: 'role-queries-bundle',
      resolveImport({ source }) {
        return source === 'shadow-dom-testing-library' ? `/${roleQueriesBundle}` : undefined;
      },
    },
    {
      name: 'module-aliases',
      resolveImport({ source }) {
        return moduleAliases[source] ? `/${moduleAliases[source]}` : undefined;
      },
    },
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), target: 'es2022' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ timeoutMs: TEST_TIMEOUT_MS })],
};
