import { expect } from '@open-wc/testing';
import { toGtin14 } from '../../../shell/data/index.js';
import { gs1CheckDigit, withCheckDigit } from '../../../shell/data/gtin.js';

describe('toGtin14', () => {
  it('gives a UPC-A and the EAN-13 of the same item the same GTIN-14', () => {
    expect(toGtin14('036000291452')).to.equal('00036000291452');
    expect(toGtin14('0036000291452')).to.equal('00036000291452');
  });

  it('accepts EAN-8, EAN-13 and GTIN-14 and ignores spaces and hyphens', () => {
    expect(toGtin14('96385074')).to.equal('00000096385074');
    expect(toGtin14('4006381333931')).to.equal('04006381333931');
    expect(toGtin14('10012345678902')).to.equal('10012345678902');
    expect(toGtin14(' 4006381-333931 ')).to.equal('04006381333931');
  });

  it('refuses a wrong check digit, other lengths and letters', () => {
    expect(toGtin14('4006381333932')).to.equal(undefined);
    expect(toGtin14('036000291453')).to.equal(undefined);
    expect(toGtin14('12345')).to.equal(undefined);
    expect(toGtin14('40063813339310')).to.equal(undefined);
    expect(toGtin14('40063813A3931')).to.equal(undefined);
    expect(toGtin14('')).to.equal(undefined);
  });

  it('computes check digits that toGtin14 accepts', () => {
    expect(gs1CheckDigit('400638133393')).to.equal(1);
    expect(toGtin14(withCheckDigit('200000000001'))).to.not.equal(undefined);
  });
});
