// Deterministic budgets for the shipped plugin, checked after every build (and so by `npm test`):
// what activation loads, every chunk together, and that what only the screen and dialogs need stays
// out of what activation loads (it comes after). Sizes: scripts/bundle-sizes.mjs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { measureBundle } from './bundle-sizes.mjs';

const KB = 1024;
// Issue #8: what activation loads ≤ 40 kB and everything ≤ 80 kB gzip (kB = 1,024 bytes, as here).
// Both hold; README "Figures" says what fills them. Raise a budget only knowingly.
const BUDGETS = { activationGzip: 40 * KB, allGzip: 80 * KB };
/** The custom elements of src/components/ (their `@customElement('…')`): the screen and dialogs, none needed to activate. */
const LAZY_ELEMENTS = readdirSync('src/components')
  .filter((file) => file.endsWith('.ts'))
  .flatMap((file) => [...readFileSync(`src/components/${file}`, 'utf8').matchAll(/@customElement\('([\w-]+)'\)/g)].map((match) => match[1]));
if (LAZY_ELEMENTS.length === 0) throw new Error('no @customElement found in src/components/: update scripts/check-bundle.mjs');

const problems = [];
const sizes = measureBundle('dist');
const { activation, all } = sizes;
if (activation.gzip > BUDGETS.activationGzip) {
  problems.push(`what activation loads (${activation.files.join(', ')}) is ${activation.gzip} bytes gzip, over the budget of ${BUDGETS.activationGzip}`);
}
if (all.gzip > BUDGETS.allGzip) {
  problems.push(`all chunks together are ${all.gzip} bytes gzip, over the budget of ${BUDGETS.allGzip}: ${sizes.chunks.map((c) => `${c.file} ${c.gzip}`).join(', ')}`);
}
const activationText = activation.files.map((file) => readFileSync(`dist/${file}`, 'utf8')).join('\n');
for (const tag of LAZY_ELEMENTS) {
  // Minified, a string may be in any of the three quotes.
  if (['"', "'", '`'].some((quote) => activationText.includes(`${quote}${tag}${quote}`))) problems.push(`<${tag}> is loaded at activation instead of in a lazy chunk`);
}
if (!existsSync('dist/plugin.json')) problems.push('dist/plugin.json is missing');
else {
  // dist/ is installed on its own: its manifest's main is relative to dist/.
  const { main } = JSON.parse(readFileSync('dist/plugin.json', 'utf8'));
  if (!existsSync(`dist/${main}`)) problems.push(`dist/plugin.json's main (${main}) is not in dist/`);
}

if (problems.length) {
  console.error(`Bundle check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `Bundle check: activation loads ${activation.files.length} file(s), ${activation.raw} bytes (${activation.gzip} gzip, budget ${BUDGETS.activationGzip}); ` +
    `${all.files.length} files in all, ${all.raw} bytes (${all.gzip} gzip, budget ${BUDGETS.allGzip}).`,
);
