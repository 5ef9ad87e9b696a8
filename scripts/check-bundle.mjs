// Deterministic budgets for the shipped plugin, checked after every build: the activation bundle's
// size, and that what only the screen and dialogs need stays out of it (loaded when first opened).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// inversify (~20 kB gzip), rxjs, idb, the poller and the importer: what a till needs from its first
// second. Raise it only knowingly: what staff do not need at once belongs in a lazy chunk.
const ACTIVATION_GZIP_BUDGET = 56 * 1024;
const LAZY_ELEMENTS = ['ecommerce-screen', 'ecommerce-payment-dialog'];

const problems = [];
const main = readFileSync('dist/index.js');
const gzip = gzipSync(main).length;
if (gzip > ACTIVATION_GZIP_BUDGET) problems.push(`dist/index.js is ${gzip} bytes gzip, over the budget of ${ACTIVATION_GZIP_BUDGET}`);
const text = main.toString('utf8');
for (const tag of LAZY_ELEMENTS) {
  if (text.includes(`"${tag}"`) || text.includes(`'${tag}'`)) problems.push(`<${tag}> is defined in dist/index.js instead of a lazy chunk`);
}
if (!existsSync('dist/plugin.json')) problems.push('dist/plugin.json is missing');
const manifest = JSON.parse(readFileSync('plugin.json', 'utf8'));
if (!existsSync(`dist/${manifest.main.replace(/^dist\//, '')}`)) problems.push(`the manifest's main (${manifest.main}) is not in dist/`);
const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js'));

if (problems.length) {
  console.error(`Bundle check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Bundle check: dist/index.js ${main.length} bytes (${gzip} gzip, budget ${ACTIVATION_GZIP_BUDGET}); ${chunks.length} lazy chunks.`);
