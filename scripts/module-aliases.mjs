// Packages the plugin replaces with a module of its own, in every build that includes it (the shipped
// build, `npm start`, the bench and the tests), so what is tested is what ships. Paths from the root.
import { fileURLToPath } from 'node:url';

export const moduleAliases = {
  // inversify imports the Reflect metadata polyfill; ours is the part it uses (src/common/reflect-metadata-lite.ts).
  'reflect-metadata/lite': 'src/common/reflect-metadata-lite.ts',
};

/** The same with absolute file paths, as Vite's `resolve.alias` takes them. */
export const moduleAliasFiles = Object.fromEntries(
  Object.entries(moduleAliases).map(([name, path]) => [name, fileURLToPath(new URL(`../${path}`, import.meta.url))]),
);
