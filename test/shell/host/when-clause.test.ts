import { expect } from '@open-wc/testing';
import type { ContextValue } from '../../../src/host/context-keys.js';
import { evaluateWhenClause, WhenClauseError } from '../../../shell/host/when-clause.js';

const keys: Record<string, ContextValue> = {
  'transaction.isEcommerce': true,
  'transaction.source': 'locally',
  'transaction.keptOpen': false,
  count: 3,
  empty: '',
};
const when = (clause: string | undefined) => evaluateWhenClause(clause, (key) => keys[key]);

describe('when clause', () => {
  it('holds when absent or blank', () => {
    expect(when(undefined)).to.equal(true);
    expect(when('  ')).to.equal(true);
  });

  it('tests a key for truthiness, and its negation', () => {
    expect(when('transaction.isEcommerce')).to.equal(true);
    expect(when('transaction.keptOpen')).to.equal(false);
    expect(when('!transaction.keptOpen')).to.equal(true);
    expect(when('missing')).to.equal(false);
    expect(when('!missing')).to.equal(true);
    expect(when('empty')).to.equal(false);
    expect(when('!!count')).to.equal(true);
  });

  it('compares with == and != against quoted and bare values', () => {
    expect(when("transaction.source == 'locally'")).to.equal(true);
    expect(when('transaction.source == "locally"')).to.equal(true);
    expect(when('transaction.source == locally')).to.equal(true);
    expect(when("transaction.source != 'locally'")).to.equal(false);
    expect(when('transaction.source != shopify')).to.equal(true);
    expect(when('count == 3')).to.equal(true);
    expect(when('transaction.keptOpen == false')).to.equal(true);
    expect(when("missing == 'x'")).to.equal(false);
    expect(when("missing != 'x'")).to.equal(true);
  });

  it('combines with && and ||, && binding tighter, and parentheses', () => {
    expect(when('transaction.isEcommerce && !transaction.keptOpen')).to.equal(true);
    expect(when('transaction.keptOpen && missing || count')).to.equal(true);
    expect(when('transaction.keptOpen && (missing || count)')).to.equal(false);
    expect(when('missing || transaction.isEcommerce && transaction.keptOpen')).to.equal(false);
    expect(when("!(transaction.source == 'locally') || transaction.keptOpen")).to.equal(false);
    expect(when('true && !false')).to.equal(true);
  });

  it('throws a readable error for a clause it cannot read', () => {
    for (const bad of ['a &&', '(a', 'a == ', "a == 'x", '&& a', 'a b', 'a = b']) {
      expect(() => when(bad), bad).to.throw(WhenClauseError);
    }
  });
});
