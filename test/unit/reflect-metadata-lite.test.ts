import { expect } from '@open-wc/testing';
import { Container, inject, injectable } from 'inversify';
import { reflectMetadata } from '../../src/common/reflect-metadata-lite.js';

const KEY = Symbol('key');

describe('reflect-metadata-lite', () => {
  it('is what inversify finds on Reflect: every build resolves reflect-metadata/lite to it', () => {
    const reflect = Reflect as unknown as typeof reflectMetadata;
    expect(reflect.getOwnMetadata).to.equal(reflectMetadata.getOwnMetadata);
    expect(reflect.defineMetadata).to.equal(reflectMetadata.defineMetadata);
  });

  it('keeps metadata per target and per property, own and inherited', () => {
    class Base {}
    class Derived extends Base {}
    reflectMetadata.defineMetadata(KEY, 'on base', Base);
    reflectMetadata.defineMetadata(KEY, 'on a property', Base.prototype, 'name');

    expect(reflectMetadata.getOwnMetadata(KEY, Base)).to.equal('on base');
    expect(reflectMetadata.hasOwnMetadata(KEY, Derived)).to.equal(false);
    expect(reflectMetadata.getOwnMetadata(KEY, Derived)).to.equal(undefined);
    expect(reflectMetadata.getMetadata(KEY, Derived)).to.equal('on base');
    expect(reflectMetadata.hasMetadata(KEY, Derived)).to.equal(true);
    expect(reflectMetadata.getMetadata(KEY, Derived.prototype, 'name')).to.equal('on a property');
    expect(reflectMetadata.getMetadata(KEY, Derived.prototype)).to.equal(undefined);

    // A value of its own hides the inherited one; `undefined` is a value.
    reflectMetadata.defineMetadata(KEY, undefined, Derived);
    expect(reflectMetadata.hasOwnMetadata(KEY, Derived)).to.equal(true);
    expect(reflectMetadata.getMetadata(KEY, Derived)).to.equal(undefined);

    expect(reflectMetadata.getOwnMetadataKeys(Base)).to.deep.equal([KEY]);
    expect(reflectMetadata.deleteMetadata(KEY, Base)).to.equal(true);
    expect(reflectMetadata.deleteMetadata(KEY, Base)).to.equal(false);
    expect(reflectMetadata.getOwnMetadataKeys(Base)).to.deep.equal([]);
  });

  it('offers the metadata decorator, and refuses a target that is not an object', () => {
    class Decorated {}
    reflectMetadata.metadata(KEY, 42)(Decorated);
    expect(reflectMetadata.getOwnMetadata(KEY, Decorated)).to.equal(42);
    expect(() => reflectMetadata.getOwnMetadata(KEY, 'text' as unknown as object)).to.throw(TypeError);
  });

  it('carries inversify: injected classes resolve through the container', () => {
    const Greeting = Symbol('Greeting');
    @injectable()
    class Greeter {
      constructor(@inject(Greeting) readonly greeting: string) {}
    }
    const container = new Container();
    container.bind(Greeting).toConstantValue('Goedemorgen');
    container.bind(Greeter).toSelf();
    expect(container.get(Greeter).greeting).to.equal('Goedemorgen');
  });

  it('lets a reflect-metadata loaded later find what was stored here', async () => {
    class Early {}
    reflectMetadata.defineMetadata(KEY, 'before', Early);
    // The full package (not aliased: only reflect-metadata/lite is), as a host might load it after the plugin.
    await import('reflect-metadata');
    const reflect = Reflect as unknown as typeof reflectMetadata;
    expect(reflect.getOwnMetadata).to.not.equal(reflectMetadata.getOwnMetadata);
    expect(reflect.getOwnMetadata(KEY, Early)).to.equal('before');
    expect(reflect.getMetadata(KEY, class extends Early {})).to.equal('before');
  });
});
