import { expect } from '@open-wc/testing';
import { Disposable, DisposableCollection } from '../../src/common/disposable.js';
import { Emitter } from '../../src/common/event.js';

describe('DisposableCollection', () => {
  it('disposes in reverse order, once', () => {
    const order: string[] = [];
    const collection = new DisposableCollection();
    collection.push(Disposable.create(() => order.push('first')));
    collection.push(Disposable.create(() => order.push('second')));
    collection.dispose();
    collection.dispose();
    expect(order).to.deep.equal(['second', 'first']);
    expect(collection.isDisposed).to.equal(true);
  });

  it('disposes the rest when one throws, then reports the failure', () => {
    const done: string[] = [];
    const collection = new DisposableCollection(
      Disposable.create(() => done.push('a')),
      { dispose: () => { throw new Error('boom'); } },
      Disposable.create(() => done.push('c')),
    );
    expect(() => collection.dispose()).to.throw('boom');
    expect(done).to.deep.equal(['c', 'a']);
  });

  it('disposes at once what is pushed after it was disposed', () => {
    const collection = new DisposableCollection();
    collection.dispose();
    let disposed = false;
    collection.push(Disposable.create(() => (disposed = true)));
    expect(disposed).to.equal(true);
  });
});

describe('Emitter', () => {
  it('delivers to listeners until they unsubscribe, and survives a throwing listener', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<number>((e) => errors.push(e));
    const seen: number[] = [];
    emitter.event(() => { throw new Error('listener'); });
    const sub = emitter.event((n) => seen.push(n));
    emitter.fire(1);
    sub.dispose();
    emitter.fire(2);
    expect(seen).to.deep.equal([1]);
    expect(errors).to.have.length(2);
  });
});
