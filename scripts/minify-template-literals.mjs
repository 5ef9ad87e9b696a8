// Vite plugin for the shipped build: removes from Lit's css`` and html`` templates in our source what
// the browser ignores (CSS comments and spaces; the indentation of HTML), which no JavaScript minifier
// touches because it cannot know what a tagged template means. Expressions (${…}) stay as they are.
import MagicString from 'magic-string';

/**
 * CSS without comments, and without the spaces that separate nothing. Not for CSS with quoted
 * strings that hold those characters (`content: "a > b"`): our styles have none, and the test of
 * every component's styles would show it.
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

/**
 * HTML with each line's indentation removed. The line break stays: as white space it reads the same
 * as the spaces it replaces, and one character is as short as one space. Not for text shown with
 * `white-space: pre` (none of our templates has such text).
 */
export function minifyHtml(text) {
  return text.replace(/\n\s+/g, '\n');
}

const MINIFIERS = { css: minifyCss, html: minifyHtml, svg: minifyHtml };

/** Every node under `node`, depth first. */
function* nodes(node) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) yield* nodes(child);
    return;
  }
  if (typeof node.type === 'string') yield node;
  for (const [key, value] of Object.entries(node)) if (key !== 'parent' && value && typeof value === 'object') yield* nodes(value);
}

/**
 * The module's css``/html``/svg`` templates minified; undefined when nothing changed. `parse` gives
 * the ESTree program with offsets (the plugin's `this.parse`, or Vite's `parseAst`).
 */
export function minifyTemplates(code, parse) {
  if (!/\b(css|html|svg)`/.test(code)) return undefined;
  const output = new MagicString(code);
  for (const node of nodes(parse(code))) {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') continue;
    const minify = MINIFIERS[node.tag.name];
    if (!minify) continue;
    const { quasis } = node.quasi;
    quasis.forEach((quasi, index) => {
      let text = minify(quasi.value.raw);
      // A stylesheet's edges are insignificant; an HTML template's are text (` — ${x}` after other text).
      if (node.tag.name === 'css' && index === 0) text = text.trimStart();
      if (node.tag.name === 'css' && index === quasis.length - 1) text = text.trimEnd();
      if (text !== quasi.value.raw) output.overwrite(quasi.start, quasi.end, text);
    });
  }
  return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: 'boundary' }) } : undefined;
}

/** @returns {import('vite').Plugin} */
export function minifyTemplateLiterals({ include = /[\\/]src[\\/].*\.ts$/, exclude = /[\\/]node_modules[\\/]/ } = {}) {
  return {
    name: 'minify-template-literals',
    apply: 'build',
    // After TypeScript is compiled away, so the code parses as JavaScript.
    enforce: 'post',
    transform(code, id) {
      if (!include.test(id) || exclude.test(id)) return undefined;
      return minifyTemplates(code, (text) => this.parse(text));
    },
  };
}
