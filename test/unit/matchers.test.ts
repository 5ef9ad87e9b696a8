import { expect } from '@open-wc/testing';
import { resolveMatch, type MatchResult } from '../../src/services/import/matchers.js';
import { lineIdentifier } from '../../src/services/import/built-in-matchers.js';

const matcher = (id: string, order: number, answer: () => MatchResult<string> | Promise<MatchResult<string>>) => ({ id, order, match: answer });

describe('resolving a match through the matchers', () => {
  it('asks in order and takes the first exact match', async () => {
    const asked: string[] = [];
    const result = await resolveMatch(
      [
        matcher('VPN', 20, () => (asked.push('VPN'), { kind: 'matched', match: 'P2', by: 'VPN' })),
        matcher('link', 0, () => (asked.push('link'), { kind: 'none' })),
        matcher('EAN', 10, () => (asked.push('EAN'), { kind: 'matched', match: 'P1', by: 'EAN' })),
      ],
      'line',
      'locally',
      () => undefined,
    );
    expect(result).to.deep.equal({ kind: 'matched', match: 'P1', by: 'EAN' });
    expect(asked).to.deep.equal(['link', 'EAN']);
  });

  it('lets a later exact match win over an earlier ambiguity, and reports the ambiguity when none does', async () => {
    const ambiguous = matcher('EAN', 10, () => ({ kind: 'ambiguous', candidates: ['P1', 'P9'], by: 'EAN' }));
    expect(await resolveMatch([ambiguous, matcher('VPN', 20, () => ({ kind: 'matched', match: 'P1', by: 'VPN' }))], 'l', 's', () => undefined)).to.deep.equal({
      kind: 'matched',
      match: 'P1',
      by: 'VPN',
    });
    expect(await resolveMatch([ambiguous, matcher('VPN', 20, () => ({ kind: 'none' }))], 'l', 's', () => undefined)).to.deep.equal({
      kind: 'ambiguous',
      candidates: ['P1', 'P9'],
      by: 'EAN',
    });
    expect(await resolveMatch([matcher('VPN', 20, () => ({ kind: 'none' }))], 'l', 's', () => undefined)).to.deep.equal({ kind: 'not-found' });
  });

  it('reports and skips a matcher that throws or hangs', async () => {
    const reported: string[] = [];
    const result = await resolveMatch(
      [
        matcher('broken', 0, () => {
          throw new Error('boom');
        }),
        matcher('slow', 1, () => new Promise(() => undefined)),
        matcher('EAN', 10, () => Promise.resolve({ kind: 'matched', match: 'P1', by: 'EAN' })),
      ],
      'line',
      'locally',
      (id) => reported.push(id),
      50,
    );
    expect(result).to.deep.include({ kind: 'matched', match: 'P1' });
    expect(reported).to.deep.equal(['broken', 'slow']);
  });
});

describe('the identifier a hand-made product link is remembered by', () => {
  it('is the GTIN-14 when the line has a valid one, so UPC-A and EAN-13 share a link', () => {
    const upc = lineIdentifier({ lineId: '1', gtin: '036000291452', description: 'x', quantity: 1, unitPriceCents: 1, vatRate: 21 });
    const ean = lineIdentifier({ lineId: '1', gtin: '0036000291452', description: 'x', quantity: 1, unitPriceCents: 1, vatRate: 21 });
    expect(upc).to.equal('00036000291452');
    expect(ean).to.equal(upc);
  });

  it('is the part number otherwise, trimmed and lower-case; then the MPN, then the description', () => {
    const line = { lineId: '1', description: '  Shimano  CN-HG601 ketting ', quantity: 1, unitPriceCents: 1, vatRate: 21 };
    expect(lineIdentifier({ ...line, gtin: '123', vendorPartNumber: ' SH-CN-HG601 ', mpn: 'X-1' })).to.equal('vpn:sh-cn-hg601');
    expect(lineIdentifier({ ...line, mpn: ' ICN-HG601 116 ' })).to.equal('mpn:icnhg601116');
    expect(lineIdentifier(line)).to.equal('text:shimano cn-hg601 ketting');
  });
});
