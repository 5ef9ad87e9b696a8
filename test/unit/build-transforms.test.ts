import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
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

  it('minifies a module as the build does: the templates only, and an HTML template keeps its edges', async () => {
    const module = [
      'const styles = css`',
      '  :host { display: block; }',
      '  .row { height: ${ROW}px; }',
      '`;',
      'const note = html` — ${count} artikelen`;',
      'const row = html`',
      '  <li>',
      '    ${cond ? html`',
      '      <b>ja</b>` : nothing}',
      '  </li> `;',
      'const text = `Regel 1',
      '    ingesprongen`;',
      "const label = msg(str`Bestelling  ${id}`);",
    ].join('\n');
    const minified = await executeServerCommand<string, { code: string }>('minify-templates', { code: module });
    expect(minified.split('\n')).to.deep.equal([
      'const styles = css`:host{display:block}.row{height:${ROW}px}`;',
      // The space before the dash is text: it stays.
      'const note = html` — ${count} artikelen`;',
      'const row = html`',
      '<li>',
      '${cond ? html`',
      '<b>ja</b>` : nothing}',
      '</li> `;',
      // Not Lit templates: as they were.
      'const text = `Regel 1',
      '    ingesprongen`;',
      "const label = msg(str`Bestelling  ${id}`);",
    ]);
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

describe('the shipped build without the translations that equal their source', () => {
  const xliff = `<xliff version="1.2"><file target-language="en" source-language="nl"><body>
<trans-unit id="s1111111111111111">
  <source>Opslaan</source>
  <target>Save</target>
</trans-unit>
<trans-unit id="s2222222222222222">
  <source>OK</source>
  <target>OK</target>
</trans-unit>
<trans-unit id="s3333333333333333">
  <source>Status <x id="0" equiv-text="\${id}"/></source>
  <target>Status <x id="0" equiv-text="\${id}"/></target>
</trans-unit>
<trans-unit id="s4444444444444444">
  <source>Regel <x id="0" equiv-text="\${n}"/></source>
  <target>Line <x id="0" equiv-text="\${n}"/></target>
</trans-unit>
</body></file></xliff>`;

  it('leaves out exactly the messages whose English is the Dutch; @lit/localize shows the source for those', async () => {
    const module = [
      "import { str } from '@lit/localize';",
      'export const templates = {',
      "  's1111111111111111': `Save`,",
      "  's2222222222222222': `OK`,",
      "  's3333333333333333': str`Status ${0}`,",
      "  's4444444444444444': str`Line ${0}`",
      '};',
    ].join('\n');
    const pruned = await executeServerCommand<string, { code: string; xliff: string }>('prune-translations', { code: module, xliff });
    expect(pruned.split('\n')).to.deep.equal([
      "import { str } from '@lit/localize';",
      'export const templates = {',
      "  's1111111111111111': `Save`,",
      "  's4444444444444444': str`Line ${0}`",
      '};',
    ]);
  });

  it('changes nothing in a module without such messages', async () => {
    const module = "export const templates = { 's1111111111111111': `Save` };";
    expect(await executeServerCommand<string, { code: string; xliff: string }>('prune-translations', { code: module, xliff })).to.equal(module);
  });
});
