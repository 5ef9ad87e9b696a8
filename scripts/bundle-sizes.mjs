// Sizes of the shipped plugin in dist/: what activation loads, and every chunk together, raw and
// gzip. Used by the build's budget check (scripts/check-bundle.mjs) and by `npm run bench`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Each file gzipped on its own at level 9, as a server would send it. */
const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * What activation loads: the entry and every chunk it imports statically, transitively. Rolldown
 * moves code shared with lazy chunks into chunks of its own, so the entry alone would undercount.
 */
export function activationFiles(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports and re-exports only (`import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`);
    // `import("./x.js")` stays lazy.
    for (const match of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(join(dirname(file), match[1]));
    }
  };
  visit(entry);
  return [...seen];
}

/** Every JavaScript file the plugin ships (the entry and dist/chunks), without source maps. */
export function shippedFiles(distDir = 'dist') {
  const chunksDir = join(distDir, 'chunks');
  const chunks = existsSync(chunksDir) ? readdirSync(chunksDir).filter((f) => f.endsWith('.js')).map((f) => join(chunksDir, f)) : [];
  return [join(distDir, 'index.js'), ...chunks];
}

/**
 * Measures dist/: `activation` is what activation loads, `all` every shipped JavaScript file;
 * gzip is the sum of each file gzipped on its own (what is transferred), in bytes.
 */
export function measureBundle(distDir = 'dist') {
  const entry = join(distDir, 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const describe = (files) => ({
    files: files.map((file) => relative(distDir, file)),
    raw: files.reduce((sum, file) => sum + readFileSync(file).length, 0),
    gzip: files.reduce((sum, file) => sum + gzipBytes(file), 0),
  });
  const all = shippedFiles(distDir);
  return {
    activation: describe(activationFiles(entry)),
    all: describe(all),
    chunks: all.map((file) => ({ file: relative(distDir, file), raw: readFileSync(file).length, gzip: gzipBytes(file) })).sort((a, b) => b.gzip - a.gzip),
  };
}
