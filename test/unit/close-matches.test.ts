import { expect } from '@open-wc/testing';
import type { Customer } from '../../src/host/index.js';
import { closeMatchQueries, nameSimilarity, rankCloseMatches, type PersonToMatch } from '../../src/services/import/close-matches.js';

const customer = (id: string, firstName: string, lastName: string, extra: Partial<Customer> = {}): Customer => ({
  id,
  firstName,
  lastName,
  includeInCommunication: false,
  ...extra,
});
const livingAt = (postcode: string) => ({ street: 'Dorpsstraat 1', postcode, city: 'Utrecht', country: 'NL' });
const person = (firstName: string, lastName: string, extra: Partial<PersonToMatch> = {}): PersonToMatch => ({ firstName, lastName, ...extra });
const ids = (matches: readonly { customer: Customer }[]) => matches.map((match) => match.customer.id);

describe('the similarity of two names', () => {
  it('is 1 for the same name written with other case, spaces and accents', () => {
    expect(nameSimilarity('  JAN   jansen ', 'jan jansen')).to.equal(1);
    expect(nameSimilarity('Sophie Müller', 'Sophie Muller')).to.equal(1);
    expect(nameSimilarity('Renée Leclère', 'Renee Leclere')).to.equal(1);
  });

  it('ignores Dutch particles and words run together', () => {
    expect(nameSimilarity('Pieter de Vries', 'Pieter Vries')).to.equal(1);
    expect(nameSimilarity('Maria van der Berg', 'Maria Berg')).to.equal(1);
    expect(nameSimilarity('Jan Vanderberg', 'Jan van der Berg')).to.equal(1);
    expect(nameSimilarity("Anna in 't Veld", 'Anna Veld')).to.equal(1);
  });

  it('does not care which name comes first', () => {
    expect(nameSimilarity('Jan Bakker', 'Bakker Jan')).to.equal(1);
  });

  it('forgives a typo, counting a swap of two letters as one edit', () => {
    const oneLetterMore = nameSimilarity('Jan Jansen', 'Jan Janssen');
    const swapped = nameSimilarity('Jan Jansen', 'Jan Jnasen');
    expect(oneLetterMore).to.be.within(0.85, 0.99);
    // Plain Levenshtein would count "an" → "na" as two edits and score the swap below the insertion.
    expect(swapped).to.be.closeTo(oneLetterMore, 0.02);
    expect(nameSimilarity('Jansen', 'Janssen')).to.be.closeTo(6 / 7, 0.001);
  });

  it('reads an initial as the name it starts', () => {
    expect(nameSimilarity('J. Jansen', 'Jan Jansen')).to.be.above(0.9);
    expect(nameSimilarity('K. Jansen', 'Jan Jansen')).to.be.below(0.75);
  });

  it('is low for different people, and lower still the less they share', () => {
    const sameFirstName = nameSimilarity('Jan Jansen', 'Jan Bakker');
    const nothingShared = nameSimilarity('Jan Jansen', 'Klaas Visser');
    expect(sameFirstName).to.be.below(0.7);
    expect(nothingShared).to.be.below(0.35);
    expect(nothingShared).to.be.below(sameFirstName);
  });

  it('is symmetric, and 0 when a side has no name', () => {
    expect(nameSimilarity('Pieter Jan de Vries', 'Pieter Vries')).to.equal(nameSimilarity('Pieter Vries', 'Pieter Jan de Vries'));
    expect(nameSimilarity('', 'Jan Jansen')).to.equal(0);
    expect(nameSimilarity(' - ', ' ')).to.equal(0);
  });
});

describe('ranking the customers that look like an online customer', () => {
  it('counts the listed variants of a name as close and a different person not', () => {
    const cases: [PersonToMatch, Customer][] = [
      [person('Jan', 'Jansen'), customer('C1', 'Jan', 'Janssen')],
      [person('Pieter', 'de Vries'), customer('C2', 'Pieter', 'Vries')],
      [person('Jan', 'Bakker'), customer('C3', 'Bakker', 'Jan')],
      [person('Sophie', 'Müller'), customer('C4', 'Sophie', 'Muller')],
    ];
    for (const [online, host] of cases) {
      const [match] = rankCloseMatches(online, [host]);
      expect(match?.customer.id, `${online.firstName} ${online.lastName}`).to.equal(host.id);
      expect(match?.reasons).to.deep.equal(['name']);
    }
    expect(rankCloseMatches(person('Jan', 'Jansen'), [customer('C5', 'Klaas', 'Visser'), customer('C6', 'Jan', 'Bakker')])).to.deep.equal([]);
  });

  it('takes a same e-mail or phone whatever the name, comparing them loosely', () => {
    const online = person('Jan', 'Jansen', { email: ' Jan@Example.NL ', phone: '+31 6 1234 5678' });
    const matches = rankCloseMatches(online, [
      customer('C1', 'Marieke', 'Visser', { email: 'jan@example.nl' }),
      customer('C2', 'Klaas', 'Visser', { phone: '06-12345678' }),
      customer('C3', 'Kees', 'Visser', { phone: '0031612345678' }),
      customer('C4', 'Anna', 'Visser', { email: 'jan@example.com', phone: '06-12345679' }),
    ]);
    expect(ids(matches)).to.deep.equal(['C1', 'C2', 'C3']);
    expect(matches.map((match) => match.reasons)).to.deep.equal([['email'], ['phone'], ['phone']]);
  });

  it('does not match on a postcode alone, but ranks a close name higher with it', () => {
    const online = person('Jan', 'Jansen', { postcode: '1234 ab' });
    const matches = rankCloseMatches(online, [
      customer('C1', 'Jan', 'Jansen'),
      customer('C2', 'Jan', 'Jansen', { address: livingAt('1234AB') }),
      customer('C3', 'Klaas', 'Visser', { address: livingAt('1234AB') }),
      customer('C4', 'Jan', 'Janssen', { shippingAddress: livingAt('1234 AB') }),
    ]);
    expect(ids(matches)).to.deep.equal(['C2', 'C4', 'C1']);
    expect(matches[0]!.reasons).to.deep.equal(['postcode', 'name']);
    expect(matches[1]!.reasons).to.deep.equal(['postcode', 'name']);
    expect(matches[2]!.reasons).to.deep.equal(['name']);
  });

  it('puts the best first: e-mail and name over e-mail alone over name alone over a misspelt name', () => {
    const online = person('Jan', 'Jansen', { email: 'jan@example.nl' });
    const matches = rankCloseMatches(online, [
      customer('typo', 'Jan', 'Janssen'),
      customer('name', 'Jan', 'Jansen'),
      customer('email', 'Marieke', 'Visser', { email: 'jan@example.nl' }),
      customer('both', 'Jan', 'Jansen', { email: 'JAN@example.nl' }),
    ]);
    expect(ids(matches)).to.deep.equal(['both', 'email', 'name', 'typo']);
    const scores = matches.map((match) => match.score);
    expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
    for (const score of scores) expect(score).to.be.within(0, 1);
    expect(matches[0]!.reasons).to.deep.equal(['email', 'name']);
  });

  it('lists each customer once and at most `limit`, 10 unless told', () => {
    const jan = customer('C1', 'Jan', 'Jansen');
    // The same customer comes back from several host queries (by name and by e-mail).
    expect(ids(rankCloseMatches(person('Jan', 'Jansen'), [jan, customer('C2', 'Jan', 'Janssen'), jan]))).to.deep.equal(['C1', 'C2']);

    const many = Array.from({ length: 15 }, (_, i) => customer(`C${i + 1}`, 'Jan', 'Jansen'));
    expect(rankCloseMatches(person('Jan', 'Jansen'), many)).to.have.length(10);
    expect(ids(rankCloseMatches(person('Jan', 'Jansen'), many, 3))).to.deep.equal(['C1', 'C2', 'C3']);
    expect(rankCloseMatches(person('Jan', 'Jansen'), many, 0)).to.deep.equal([]);
  });

  it('ignores empty or placeholder contact details on either side', () => {
    const online = person('Jan', 'Jansen', { email: ' ', phone: '-', postcode: '' });
    const stranger = customer('C1', 'Klaas', 'Visser', { email: '', phone: '-', address: livingAt('') });
    expect(rankCloseMatches(online, [stranger])).to.deep.equal([]);
    expect(rankCloseMatches(person('Jan', 'Jansen', { phone: '0' }), [customer('C2', 'Klaas', 'Visser', { phone: '0' })])).to.deep.equal([]);
  });
});

describe('the host queries that gather candidates', () => {
  it('searches by e-mail, phone and postcode as the host stores them', () => {
    const queries = closeMatchQueries(person('Jan', 'Jansen', { email: ' jan@example.nl ', phone: '+31 (0)6 1234 5678', postcode: '1234 ab' }));
    expect(queries).to.deep.include({ email: 'jan@example.nl' });
    expect(queries).to.deep.include({ phone: '0612345678' });
    expect(queries).to.deep.include({ postcode: '1234AB' });
  });

  it('searches by a short prefix of the surname without particles, and by first name with the surname initial', () => {
    expect(closeMatchQueries(person('Pieter', 'van der Vries'))).to.deep.equal([{ name: 'vri' }, { name: 'pie v' }]);
    // A typo after the third letter ("Janssen") and one before it ("Jnasen") are each caught by one query.
    expect(closeMatchQueries(person('Jan', 'Jnasen'))).to.deep.equal([{ name: 'jna' }, { name: 'jan j' }]);
  });

  it('searches an accented name also without accents, and every part of a double surname', () => {
    expect(closeMatchQueries(person('Zoë', 'Müller'))).to.deep.equal([{ name: 'mül' }, { name: 'mul' }, { name: 'zoë m' }, { name: 'zoe m' }]);
    expect(closeMatchQueries(person('Eva', 'Smit-Jansen'))).to.deep.equal([{ name: 'smi' }, { name: 'jan' }, { name: 'eva s' }]);
  });

  it('still searches by a two-letter surname, or by the last word of a name typed into one field', () => {
    expect(closeMatchQueries(person('Wei', 'Li'))).to.deep.equal([{ name: 'li' }, { name: 'wei l' }]);
    expect(closeMatchQueries(person('Jan de Vries', ''))).to.deep.equal([{ name: 'vri' }, { name: 'jan v' }]);
    // A surname that is only a particle is the surname.
    expect(closeMatchQueries(person('Ans', 'Van'))).to.deep.equal([{ name: 'van' }, { name: 'ans v' }]);
  });

  it('makes no query from empty fields', () => {
    expect(closeMatchQueries(person('', '', { email: '  ', phone: ' ', postcode: ' ' }))).to.deep.equal([]);
    expect(closeMatchQueries(person(' ', ' '))).to.deep.equal([]);
  });
});
