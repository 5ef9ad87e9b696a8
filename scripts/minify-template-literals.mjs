// Vite plugin for the shipped build: removes from Lit's css`` and html`` templates in our source what
// the browser ignores (CSS comments and spaces; the indentation of HTML), which no JavaScript minifier
// touches because it cannot know what a tagged template means. Expressions (${…}) stay as they are.
import MagicString from 'magic-string';

/** CSS without comments, and without the spaces that separate nothing. */
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
 * as the spaces it replaces, and one character is as short as one space.
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

/** @returns {import('vite').Plugin} */
export function minifyTemplateLiterals({ include = /[\\/]src[\\/].*\.ts$/ } = {}) {
  return {
    name: 'minify-template-literals',
    apply: 'build',
    // After TypeScript is compiled away, so the code parses as JavaScript.
    enforce: 'post',
    transform(code, id) {
      if (!include.test(id) || !/\b(css|html|svg)`/.test(code)) return undefined;
      const output = new MagicString(code);
      for (const node of nodes(this.parse(code))) {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') continue;
        const minify = MINIFIERS[node.tag.name];
        if (!minify) continue;
        const { quasis } = node.quasi;
        quasis.forEach((quasi, index) => {
          let text = minify(quasi.value.raw);
          if (index === 0) text = text.trimStart();
          if (index === quasis.length - 1) text = text.trimEnd();
          if (text !== quasi.value.raw) output.overwrite(quasi.start, quasi.end, text);
        });
      }
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: 'boundary' }) } : undefined;
    },
  };
}
