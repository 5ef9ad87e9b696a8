import { expect } from '@open-wc/testing';
import { resolveMatch, resolveMatches, type BatchMatcher, type MatchResult } from '../../src/services/import/matchers.js';

type Answer = (input: string) => MatchResult<string>;

/** A matcher answering per input, with `matchMany` when `batch` is set; it records what it was asked. */
function matcher(id: string, order: number, answer: Answer, asked: string[][], batch = true): BatchMatcher<string, string> {
  return {
    id,
    order,
    match: (input) => (asked.push([id, input]), answer(input)),
    ...(batch ? { matchMany: (inputs: readonly string[]) => (asked.push([id, ...inputs]), Promise.resolve(inputs.map(answer))) } : {}),
  };
}

describe('resolving many matches at once', () => {
  const ean: Answer = (input) =>
    input === 'a' ? { kind: 'matched', match: 'P-a', by: 'EAN' } : input === 'b' ? { kind: 'ambiguous', candidates: ['P1', 'P2'], by: 'EAN' } : { kind: 'none' };
  const vpn: Answer = (input) => (input === 'b' || input === 'c' ? { kind: 'matched', match: `V-${input}`, by: 'VPN' } : { kind: 'none' });

  it('gives each input what resolveMatch gives it, asking a later matcher only about the inputs still open', async () => {
    const asked: string[][] = [];
    const matchers = [matcher('VPN', 20, vpn, asked), matcher('EAN', 10, ean, asked, false)];
    const inputs = ['a', 'b', 'c', 'd'];
    const many = await resolveMatches(matchers, inputs, 'locally', () => undefined);
    const one = await Promise.all(inputs.map((input) => resolveMatch(matchers, input, 'locally', () => undefined)));
    expect(many).to.deep.equal(one);
    expect(many.map((r) => (r.kind === 'matched' ? r.match : r.kind))).to.deep.equal(['P-a', 'V-b', 'V-c', 'not-found']);
    // EAN has no matchMany: asked per input; VPN once for the three EAN left open.
    expect(asked.slice(0, 4)).to.deep.equal([['EAN', 'a'], ['EAN', 'b'], ['EAN', 'c'], ['EAN', 'd']]);
    expect(asked[4]).to.deep.equal(['VPN', 'b', 'c', 'd']);
  });

  it('keeps the first ambiguity when no later matcher finds exactly one', async () => {
    const [b] = await resolveMatches([matcher('EAN', 10, ean, [])], ['b'], 's', () => undefined);
    expect(b).to.deep.equal({ kind: 'ambiguous', candidates: ['P1', 'P2'], by: 'EAN' });
  });

  it('reports a batch that throws, hangs or answers for another number of inputs, and asks that matcher one by one', async () => {
    const reported: string[] = [];
    const broken: BatchMatcher<string, string> = {
      id: 'broken',
      order: 0,
      match: (input) => (input === 'x' ? { kind: 'matched', match: 'B-x', by: 'broken' } : { kind: 'none' }),
      matchMany: () => Promise.reject(new Error('down')),
    };
    const slow: BatchMatcher<string, string> = { id: 'slow', order: 1, match: () => ({ kind: 'none' }), matchMany: () => new Promise(() => undefined) };
    const short: BatchMatcher<string, string> = { id: 'short', order: 2, match: () => ({ kind: 'none' }), matchMany: () => Promise.resolve([]) };
    const result = await resolveMatches([broken, slow, short, matcher('EAN', 10, ean, [])], ['a', 'x'], 's', (id) => reported.push(id), 50);
    expect(reported).to.deep.equal(['broken', 'slow', 'short']);
    // 'x' found by the broken batch's own one-by-one match; 'a' by EAN after the others said nothing.
    expect(result).to.deep.equal([{ kind: 'matched', match: 'P-a', by: 'EAN' }, { kind: 'matched', match: 'B-x', by: 'broken' }]);
  });

  it('answers nothing for no inputs', async () => {
    expect(await resolveMatches([matcher('EAN', 10, ean, [])], [], 's', () => undefined)).to.deep.equal([]);
  });
});
