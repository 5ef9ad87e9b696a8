import { expect } from '@open-wc/testing';
import { Container, inject, injectable, named } from 'inversify';
import { bindContributionProvider, ContributionProvider } from '../../src/common/contribution-provider.js';

const Greeting = Symbol('Greeting');
interface Greeting {
  readonly text: string;
}
const Empty = Symbol('Empty');

@injectable()
class Consumer {
  constructor(
    @inject(ContributionProvider) @named(Greeting) readonly greetings: ContributionProvider<Greeting>,
    @inject(ContributionProvider) @named(Empty) readonly nothing: ContributionProvider<object>,
  ) {}
}

describe('ContributionProvider', () => {
  it('collects every binding of a point, and none for a point without contributions', () => {
    const container = new Container();
    bindContributionProvider(container.bind.bind(container), Greeting);
    bindContributionProvider(container.bind.bind(container), Empty);
    container.bind(Greeting).toConstantValue({ text: 'hallo' });
    container.bind(Greeting).toConstantValue({ text: 'hello' });
    container.bind(Consumer).toSelf();

    const consumer = container.get(Consumer);
    expect(consumer.greetings.getContributions().map((g) => g.text)).to.deep.equal(['hallo', 'hello']);
    expect(consumer.nothing.getContributions()).to.deep.equal([]);
  });

  it('resolves contributions lazily, once', () => {
    const container = new Container();
    bindContributionProvider(container.bind.bind(container), Greeting);
    let made = 0;
    container.bind(Greeting).toDynamicValue(() => ({ text: `made ${++made}` }));
    const provider = container.get<ContributionProvider<Greeting>>(ContributionProvider, { name: Greeting });
    expect(made).to.equal(0);
    provider.getContributions();
    provider.getContributions();
    expect(made).to.equal(1);
  });
});
