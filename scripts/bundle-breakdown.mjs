// What fills the shipped bundle: for each chunk in dist/, the gzip bytes each package or source file
// costs, measured as how much smaller the chunk gzips without its code (so what compresses well
// against the rest counts little). Reads the build's source maps; run `npm run build` first.
//
//   node scripts/bundle-breakdown.mjs            packages, and our files by folder
//   node scripts/bundle-breakdown.mjs --files    every source file on its own
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { shippedFiles } from './bundle-sizes.mjs';

const gzipBytes = (text) => gzipSync(text, { level: 9 }).length;
const perFile = process.argv.includes('--files');

/** Where a mapped source belongs: its package, or our file (or folder) under src/. */
function owner(source) {
  if (!source) return '(bundler: imports, exports, helpers)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inPackage) return inPackage[1];
  const ours = source.replace(/^(\.\.\/)+/, '');
  return perFile ? ours : ours.replace(/\/[^/]+$/, '/');
}

/** The chunk's text split by owner: [owner, [start, end][]]. */
function segmentsByOwner(code, map) {
  const lineStarts = [0];
  for (const line of code.split('\n')) lineStarts.push(lineStarts.at(-1) + line.length + 1);
  const mappings = [];
  new SourceMapConsumer(map).eachMapping((mapping) => mappings.push(mapping));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const byOwner = new Map();
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const start = lineStarts[mapping.generatedLine - 1] + mapping.generatedColumn;
    const end = next ? lineStarts[next.generatedLine - 1] + next.generatedColumn : code.length;
    const key = owner(mapping.source);
    if (!byOwner.has(key)) byOwner.set(key, []);
    byOwner.get(key).push([start, end]);
  });
  return byOwner;
}

const rows = [];
for (const file of shippedFiles('dist')) {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) continue;
  const code = readFileSync(file, 'utf8');
  const whole = gzipBytes(code);
  for (const [key, segments] of segmentsByOwner(code, JSON.parse(readFileSync(mapFile, 'utf8')))) {
    const kept = new Uint8Array(code.length).fill(1);
    let raw = 0;
    for (const [start, end] of segments) {
      kept.fill(0, start, end);
      raw += end - start;
    }
    let without = '';
    for (let i = 0; i < code.length; i++) if (kept[i]) without += code[i];
    rows.push({ chunk: file.replace(/^dist\/(chunks\/)?/, '').replace(/-[\w-]{8}\.js$/, ''), owner: key, raw, gzip: whole - gzipBytes(without) });
  }
}
if (!rows.length) {
  console.error(existsSync('dist') && readdirSync('dist').length ? 'dist/ has no source maps' : 'dist/ is missing: run `npm run build` first');
  process.exit(1);
}
rows.sort((a, b) => b.gzip - a.gzip);
console.log('gzip bytes  raw bytes  chunk        package or source');
for (const row of rows) console.log(`${String(row.gzip).padStart(10)}  ${String(row.raw).padStart(9)}  ${row.chunk.padEnd(11)}  ${row.owner}`);
console.log("\nEach row: how much smaller its chunk gzips without that code. Code compresses against the rest of its chunk, so the rows add up to about, not exactly, the chunks' gzip sizes.");
