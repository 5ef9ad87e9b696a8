import { expect } from '@open-wc/testing';
import { satisfies, SemverError, validRange } from '../../../shell/semver.js';

describe('semver satisfies', () => {
  const cases: [string, string, boolean][] = [
    ['1.0.0', '1.0.0', true],
    ['1.0.1', '1.0.0', false],
    ['1.0.0', '=1.0.0', true],
    ['1.4.2', '^1.0.0', true],
    ['2.0.0', '^1.0.0', false],
    ['0.9.9', '^1.0.0', false],
    ['0.2.5', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.9.0', '~1', true],
    ['1.0.0', '>=1.0.0', true],
    ['0.9.0', '>=1.0.0', false],
    ['1.0.1', '>1.0.0', true],
    ['1.0.0', '>1.0.0', false],
    ['1.9.9', '>1', false],
    ['2.0.0', '>1', true],
    ['1.0.0', '<=1.0.0', true],
    ['1.0.1', '<=1.0.0', false],
    ['1.5.0', '<=1', true],
    ['0.9.0', '<1.0.0', true],
    ['1.0.0', '<1.0.0', false],
    ['1.7.3', '1.x', true],
    ['2.0.0', '1.x', false],
    ['1.2.7', '1.2.x', true],
    ['1.3.0', '1.2.*', false],
    ['1.2.0', '1.2', true],
    ['5.0.0', '*', true],
    ['1.0.0', '', true],
    ['1.5.0', '>=1.2.0 <2.0.0', true],
    ['2.0.0', '>=1.2.0 <2.0.0', false],
    ['1.5.0', '>= 1.2.0 < 2', true],
    ['1.0.0', '^2.0.0 || ^1.0.0', true],
    ['3.0.0', '^2.0.0 || ^1.0.0', false],
    ['1.0.0-beta.1', '<1.0.0', true],
    ['1.0.0', 'v1.0.0', true],
  ];
  for (const [version, range, expected] of cases) {
    it(`${version} ${expected ? 'satisfies' : 'does not satisfy'} "${range}"`, () => {
      expect(satisfies(version, range)).to.equal(expected);
    });
  }

  it('rejects what is not a version or a range', () => {
    expect(() => satisfies('1.0', '^1.0.0')).to.throw(SemverError);
    expect(() => satisfies('1.0.0', '^one')).to.throw(SemverError);
    expect(validRange('^1.0.0 || >=2')).to.equal(true);
    expect(validRange('>=x.y.z-')).to.equal(false);
    expect(validRange('1.0.0 ||')).to.equal(false);
  });
});
