// The built plugin is dist/ on its own: plugin.json beside the code, with `main` relative to dist/
// (a shell imports `main` relative to the manifest), ready to drop into a shell.
import { readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Writes `<outDir>/plugin.json`: the manifest with `main` pointing into `outDir` from there. */
export function copyManifest(outDir = 'dist') {
  const manifest = JSON.parse(readFileSync('plugin.json', 'utf8'));
  manifest.main = posix.relative('dist', manifest.main);
  writeFileSync(`${outDir}/plugin.json`, `${JSON.stringify(manifest, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) copyManifest(process.argv[2]);
