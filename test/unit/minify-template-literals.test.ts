import { expect } from '@open-wc/testing';
import { minifyCss, minifyHtml } from '../../scripts/minify-template-literals.mjs';
import { CancellationGuideDialog } from '../../src/components/cancellation-guide-dialog.js';
import { CustomerIdentifyDialog } from '../../src/components/customer-identify-dialog.js';
import { EcommercePaymentDialog } from '../../src/components/ecommerce-payment-dialog.js';
import { EcommerceScreen } from '../../src/components/ecommerce-screen.js';
import { OrderDetail } from '../../src/components/order-detail.js';
import { ProductLinkDialog } from '../../src/components/product-link-dialog.js';
import { RopisMethodDialog } from '../../src/components/ropis-method-dialog.js';

/** The rules as the browser reads them: what a minifier must leave exactly as it was. */
function parsedRules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText);
}

// The shipped build minifies the css`` and html`` templates (vite.config.ts); tests run the source.
describe('the template minifier of the shipped build', () => {
  const components = { CancellationGuideDialog, CustomerIdentifyDialog, EcommercePaymentDialog, EcommerceScreen, OrderDetail, ProductLinkDialog, RopisMethodDialog };

  for (const [name, component] of Object.entries(components)) {
    it(`leaves ${name}'s styles as the browser reads them, in fewer bytes`, () => {
      const text = component.styles.cssText;
      const minified = minifyCss(text);
      expect(minified.length).to.be.below(text.length * 0.9);
      expect(parsedRules(minified)).to.deep.equal(parsedRules(text));
    });
  }

  it('drops comments and the spaces around punctuation, and keeps those inside values', () => {
    expect(minifyCss('/* why */\n  a > b ,  c:hover {\n    margin: 0 auto ;\n    width: calc(100% - 1px);\n  }\n')).to.equal(
      ' a>b,c:hover{margin:0 auto;width:calc(100% - 1px)}',
    );
    // A descendant combinator before a pseudo-class is not a declaration's colon.
    expect(minifyCss('a :focus { color: red; }')).to.equal('a :focus{color:red}');
  });

  it("removes the indentation of HTML and keeps its line breaks, so the text reads the same", () => {
    expect(minifyHtml('<p>\n      ${0}\n    </p>\n    <span>a  b</span>')).to.equal('<p>\n${0}\n</p>\n<span>a  b</span>');
    const before = document.createElement('div');
    before.innerHTML = '<p>\n      Eén\n      twee</p>';
    const after = document.createElement('div');
    after.innerHTML = minifyHtml(before.innerHTML);
    document.body.append(before, after);
    try {
      expect(after.innerText).to.equal(before.innerText);
    } finally {
      before.remove();
      after.remove();
    }
  });
});
