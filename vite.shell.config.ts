// `npm start`: the reference POS shell with the plugin installed from plugin.json, as a shop would have it.
import { defineConfig, type Plugin } from 'vite';
import { moduleAliasFiles } from './scripts/module-aliases.mjs';

/**
 * The manifest's `main` is `dist/index.js`; in development that path serves the TypeScript
 * source, so the shell loads the plugin through its manifest exactly as an installed plugin. The
 * example plugins under examples/ are served from their source the same way.
 */
function pluginMainFromSource(): Plugin {
  return {
    name: 'plugin-main-from-source',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const [path, query] = (req.url ?? '').split('?');
        // The address Vite prints is the root; the shell lives at /shell/ (with the query, e.g. ?example=webshop).
        if (path === '/') {
          res.statusCode = 302;
          res.setHeader('Location', `/shell/index.html${query ? `?${query}` : ''}`);
          res.end();
          return;
        }
        if (path === '/dist/index.js') req.url = `/src/index.ts${query ? `?${query}` : ''}`;
        // The same for the example plugin (examples/<name>/plugin.json's main), loaded with ?example=webshop.
        const example = /^\/examples\/([\w-]+)\/dist\/index\.js$/.exec(path ?? '');
        if (example) req.url = `/examples/${example[1]}/src/index.ts${query ? `?${query}` : ''}`;
        next();
      });
    },
  };
}

export default defineConfig({
  root: '.',
  publicDir: 'public',
  plugins: [pluginMainFromSource()],
  resolve: { alias: moduleAliasFiles },
  // The plugin is reached only through a URL built at run time, which Vite's scan cannot follow:
  // name its entry so its dependencies are optimized up front, not with a reload mid-load.
  optimizeDeps: { entries: ['shell/index.html', 'src/index.ts', 'src/components/*.ts'] },
  server: {
    open: '/shell/index.html',
  },
  // main.ts awaits at top level.
  build: { target: 'es2022' },
});
