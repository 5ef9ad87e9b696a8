import type { ContextValue } from '../../src/host/context-keys.js';

/** A `when` clause that cannot be read; the message names the position so a manifest author can fix it. */
export class WhenClauseError extends Error {
  constructor(
    readonly clause: string,
    readonly position: number,
    detail: string,
  ) {
    super(`Invalid when clause "${clause}" at ${position}: ${detail}`);
    this.name = 'WhenClauseError';
  }
}

type Node =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'literal'; readonly value: boolean }
  | { readonly kind: 'not'; readonly operand: Node }
  | { readonly kind: 'and' | 'or'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'equals' | 'notEquals'; readonly key: string; readonly value: string };

type Token =
  | { readonly type: 'op'; readonly op: '&&' | '||' | '!' | '==' | '!=' | '(' | ')'; readonly at: number }
  | { readonly type: 'word'; readonly text: string; readonly at: number }
  | { readonly type: 'string'; readonly text: string; readonly at: number };

function tokenize(clause: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < clause.length) {
    const c = clause[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = clause.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '==' || two === '!=') {
      tokens.push({ type: 'op', op: two, at: i });
      i += 2;
      continue;
    }
    if (c === '!' || c === '(' || c === ')') {
      tokens.push({ type: 'op', op: c, at: i });
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = clause.indexOf(c, i + 1);
      if (end < 0) throw new WhenClauseError(clause, i, 'unterminated string');
      tokens.push({ type: 'string', text: clause.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const word = /^[A-Za-z0-9_.\-:/]+/.exec(clause.slice(i));
    if (!word) throw new WhenClauseError(clause, i, `unexpected "${c}"`);
    tokens.push({ type: 'word', text: word[0], at: i });
    i += word[0].length;
  }
  return tokens;
}

/** Recursive descent: `||` binds weaker than `&&`, which binds weaker than `!`. */
export function parseWhenClause(clause: string): Node {
  const tokens = tokenize(clause);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (detail: string): never => {
    throw new WhenClauseError(clause, peek()?.at ?? clause.length, detail);
  };
  const isOp = (op: string) => {
    const t = peek();
    return t?.type === 'op' && t.op === op;
  };

  const parseOr = (): Node => {
    let left = parseAnd();
    while (isOp('||')) {
      pos++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Node => {
    let left = parseUnary();
    while (isOp('&&')) {
      pos++;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): Node => {
    if (isOp('!')) {
      pos++;
      return { kind: 'not', operand: parseUnary() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): Node => {
    if (isOp('(')) {
      pos++;
      const inner = parseOr();
      if (!isOp(')')) fail('expected ")"');
      pos++;
      return inner;
    }
    const t = peek();
    if (t?.type !== 'word') return fail('expected a context key');
    pos++;
    if (isOp('==') || isOp('!=')) {
      const kind = isOp('==') ? 'equals' : 'notEquals';
      pos++;
      const value = peek();
      if (value?.type !== 'word' && value?.type !== 'string') return fail('expected a value');
      pos++;
      return { kind, key: t.text, value: value.text };
    }
    if (t.text === 'true' || t.text === 'false') return { kind: 'literal', value: t.text === 'true' };
    return { kind: 'key', key: t.text };
  };

  if (tokens.length === 0) fail('empty clause');
  const tree = parseOr();
  if (pos < tokens.length) fail('unexpected token');
  return tree;
}

function evaluateNode(node: Node, lookup: (key: string) => ContextValue): boolean {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'key':
      return Boolean(lookup(node.key));
    case 'not':
      return !evaluateNode(node.operand, lookup);
    case 'and':
      return evaluateNode(node.left, lookup) && evaluateNode(node.right, lookup);
    case 'or':
      return evaluateNode(node.left, lookup) || evaluateNode(node.right, lookup);
    case 'equals':
    case 'notEquals': {
      // Compared as text (as VS Code does), so `count == 3` and `flag == true` work on typed values.
      const value = lookup(node.key);
      const equal = value !== undefined && String(value) === node.value;
      return node.kind === 'equals' ? equal : !equal;
    }
  }
}

const cache = new Map<string, Node>();

/**
 * Evaluates a `when` clause: `key`, `!key`, `a == 'v'`, `a != v`, `&&`, `||` and parentheses.
 * An absent or blank clause holds. Throws {@link WhenClauseError} for a clause that cannot be read.
 */
export function evaluateWhenClause(clause: string | undefined, lookup: (key: string) => ContextValue): boolean {
  if (clause === undefined || clause.trim() === '') return true;
  let tree = cache.get(clause);
  if (!tree) {
    tree = parseWhenClause(clause);
    cache.set(clause, tree);
  }
  return evaluateNode(tree, lookup);
}
