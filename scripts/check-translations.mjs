// Fails when a message shown to staff has no English: every msg() in the plugin (src/) and in the shell
// (shell/) must have a trans-unit with a non-empty <target> in its XLIFF file, and be in the generated
// runtime module. Run by `npm test` before the browser tests, so `.ci/run` catches a missing translation.
//
// Fast on purpose (well under a second): it parses the sources with TypeScript's parser alone and computes
// the ids the way @lit/localize does at runtime (generateMsgId), instead of running `lit-localize extract`
// (a type-checked program, about 15 s per config). The fix it asks for is `npm run localize`, which does run
// the real extraction and build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';

const CONFIGS = ['lit-localize.json', 'lit-localize.shell.json'];

/** The files of a config's `inputFiles`: "dir/**\/*.ts" patterns, with "!dir/**" exclusions. */
function inputFiles(patterns) {
  const include = patterns.filter((p) => !p.startsWith('!')).map((p) => p.replace(/\/\*\*.*$/, ''));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1).replace(/\/\*\*.*$/, ''));
  const files = [];
  const walk = (dir) => {
    if (exclude.includes(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const dir of include) walk(dir);
  return files;
}

/** The ids of the msg() calls of one file (msg imported from @lit/localize), with problems found. */
function messagesOf(file) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes('@lit/localize')) return { ids: [], problems: [] };
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imported = source.statements.some(
    (s) => ts.isImportDeclaration(s) && s.moduleSpecifier.text === '@lit/localize' && /\bmsg\b/.test(s.importClause?.getText(source) ?? ''),
  );
  if (!imported) return { ids: [], problems: [] };
  const ids = [];
  const problems = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg') {
      const [template, options] = node.arguments;
      const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const explicit = options && ts.isObjectLiteralExpression(options)
        ? options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'id')
        : undefined;
      if (explicit && ts.isStringLiteralLike(explicit.initializer)) ids.push({ id: explicit.initializer.text, where });
      else if (template && ts.isStringLiteralLike(template)) ids.push({ id: generateMsgId(template.text, false), where });
      else if (template && ts.isTaggedTemplateExpression(template) && ts.isIdentifier(template.tag) && ['str', 'html'].includes(template.tag.text)) {
        const t = template.template;
        const strings = ts.isNoSubstitutionTemplateLiteral(t) ? [t.text] : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
        ids.push({ id: generateMsgId(strings, template.tag.text === 'html'), where });
      } else problems.push(`${where}: msg() needs a string, str\`…\` or html\`…\` literal to be translated`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { ids, problems };
}

/**
 * Every msg() of the configs' sources checked against their XLIFF and generated module. Also run from
 * the browser tests (test/unit/translations.test.ts, through a web-test-runner command).
 */
export function checkTranslations() {
  const problems = [];
  let total = 0;
  for (const configFile of CONFIGS) {
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    for (const locale of config.targetLocales) {
      const xliffFile = join(config.interchange.xliffDir, `${locale}.xlf`);
      const moduleFile = join(config.output.outputDir, `${locale}.ts`);
      const xliff = existsSync(xliffFile) ? readFileSync(xliffFile, 'utf8') : '';
      const targets = new Map();
      for (const [, id, body] of xliff.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
        targets.set(id, /<target>([\s\S]*?)<\/target>/.exec(body)?.[1]?.trim() ?? '');
      }
      const generated = existsSync(moduleFile) ? readFileSync(moduleFile, 'utf8') : '';
      const built = new Set([...generated.matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]));
      const seen = new Set();
      for (const file of inputFiles(config.inputFiles)) {
        const found = messagesOf(file);
        problems.push(...found.problems);
        for (const { id, where } of found.ids) {
          if (seen.has(id)) continue;
          seen.add(id);
          if (!targets.has(id)) problems.push(`${where}: message ${id} is not in ${xliffFile}`);
          else if (!targets.get(id)) problems.push(`${where}: message ${id} has no ${locale} <target> in ${xliffFile}`);
          else if (!built.has(id)) problems.push(`${where}: message ${id} is not in ${relative('.', moduleFile)} (not built)`);
        }
      }
      total += seen.size;
    }
  }

  return { total, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { total, problems } = checkTranslations();
  if (problems.length) {
    console.error(`Missing translations (${problems.length}):\n- ${problems.join('\n- ')}`);
    console.error('\nFix: `npm run localize` (extracts new messages into xliff/), write each <target>, then `npm run localize` again.');
    process.exit(1);
  }
  console.log(`Translations: all ${total} messages of the plugin and the shell have English.`);
}
