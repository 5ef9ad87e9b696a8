import { msg, str } from '@lit/localize';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CLOSE_DIALOG_EVENT } from '../../src/host/dialogs.js';
import type { ManifestConfigurationProperty, PluginManifest } from '../../src/host/manifest.js';
import { hasType, inEnum } from '../host/settings-registry.js';
import { ShellHostElement } from './shell-host-element.js';

/** One declared setting of one plugin, as the screen shows it. */
interface Field {
  /** `<pluginId>/<key>`: unique across plugins. */
  readonly id: string;
  /** A DOM id (ids of the form's controls and their descriptions). */
  readonly domId: string;
  readonly manifest: PluginManifest;
  readonly key: string;
  readonly property: ManifestConfigurationProperty;
}

/** What a setting's field holds: text for inputs and JSON, a flag for checkboxes. */
type Draft = string | boolean;

const isJson = (type: ManifestConfigurationProperty['type']) => type === 'object' || type === 'array';

/** The text a field starts with for a stored value. */
function draftOf(property: ManifestConfigurationProperty, value: unknown): Draft {
  // A choice list holds the value as its option's text, whatever the declared type.
  if (property.enum) return String(value);
  switch (property.type) {
    case 'boolean':
      return value === true;
    case 'object':
    case 'array':
      return JSON.stringify(value, null, 2) ?? '';
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}

/** The message next to a field whose value is not of its declared type, in words staff can act on. */
function typeMessage(type: ManifestConfigurationProperty['type']): string {
  switch (type) {
    case 'number':
      return msg('Vul een getal in.');
    case 'boolean':
      return msg('Kies aan of uit.');
    case 'object':
      return msg('Vul een JSON-object in, tussen { en }.');
    case 'array':
      return msg('Vul een JSON-lijst in, tussen [ en ].');
    case 'string':
      return msg('Vul tekst in.');
  }
}

/**
 * "Instellingen": the `contributes.configuration` of every loaded plugin, shown as content of a
 * shell modal dialog. Secrets are write-only: the screen asks secret storage only whether one is set,
 * so the stored value never reaches the DOM.
 */
@customElement('settings-panel')
export class SettingsPanel extends ShellHostElement {
  static override styles = css`
    :host { display: block; min-width: min(34rem, 80vw); }
    h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
    form { display: grid; gap: 1rem; }
    fieldset { border: 1px solid #888; border-radius: 6px; padding: 0.5rem 1rem 1rem; margin: 0; display: grid; gap: 0.9rem; }
    legend { font-weight: 700; padding: 0 0.25rem; }
    .field { display: grid; gap: 0.25rem; }
    .field.check { grid-template-columns: auto 1fr; align-items: center; column-gap: 0.5rem; }
    .field.check > :not(input) { grid-column: 2; }
    label { font-weight: 600; }
    input, textarea, select, button { font: inherit; }
    input[type='text'], input[type='number'], input[type='password'], select { padding: 0.3rem 0.4rem; max-width: 24rem; }
    input[type='checkbox'] { width: 1.2rem; height: 1.2rem; margin: 0; }
    textarea { font-family: ui-monospace, monospace; font-size: 0.9rem; padding: 0.4rem; resize: vertical; }
    [aria-invalid='true'] { border: 2px solid #a00; }
    .description { margin: 0; font-size: 0.9rem; color: #333; }
    .secret { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .status { font-size: 0.9rem; color: #333; }
    .error { margin: 0; color: #a00; font-weight: 600; }
    .error:empty { display: none; }
    .buttons { display: flex; gap: 0.5rem; justify-content: flex-end; }
    .buttons button { padding: 0.4rem 0.9rem; }
    .default { font-weight: 700; }
  `;

  /** What each field holds now, by field id. */
  @state() protected drafts = new Map<string, Draft>();
  /** What each field held when loaded (or last saved), to write only what changed. */
  protected initial = new Map<string, Draft>();
  /** Whether each secret is set; only the yes/no ever leaves secret storage. */
  @state() protected secretSet = new Map<string, boolean>();
  @state() protected errors = new Map<string, string>();
  @state() protected saving = false;
  /** The shell's own settings (host.shellOptions), by id. */
  @state() protected optionDrafts = new Map<string, boolean>();
  protected loadedFrom: unknown;

  /** Declared settings of the loaded plugins, in manifest order. */
  protected get fields(): Field[] {
    const plugins = this.host?.settings.plugins ?? [];
    return plugins.flatMap((manifest, p) =>
      Object.entries(manifest.contributes.configuration?.properties ?? {}).map(([key, property], i) => ({
        id: `${manifest.id}/${key}`,
        domId: `setting-${p}-${i}`,
        manifest,
        key,
        property,
      })),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Read the values once per host; later host changes (a language switch) must not undo typing.
    if (changed.has('host') && this.host && this.loadedFrom !== this.host) {
      this.loadedFrom = this.host;
      this.load();
    }
  }

  protected load(): void {
    const host = this.host;
    if (!host) return;
    const drafts = new Map<string, Draft>();
    for (const field of this.fields) {
      if (field.property.secret) {
        drafts.set(field.id, '');
        continue;
      }
      drafts.set(field.id, draftOf(field.property, host.settings.forPlugin(field.manifest).get(field.key)));
    }
    this.drafts = drafts;
    this.initial = new Map(drafts);
    this.optionDrafts = new Map(host.shellOptions.map((option) => [option.id, option.value]));
    void this.loadSecretStatus();
  }

  protected async loadSecretStatus(): Promise<void> {
    const host = this.host;
    if (!host) return;
    try {
      const status = new Map<string, boolean>();
      for (const field of this.fields.filter((f) => f.property.secret)) {
        const value = await host.settings.secretsFor(field.manifest.id).get(field.key);
        status.set(field.id, value !== undefined && value !== '');
      }
      this.secretSet = status;
    } catch (error) {
      if (!host.isDisposed) host.reportError(error, msg('De geheime instellingen konden niet worden gelezen.'));
    }
  }

  override render() {
    const host = this.host;
    if (!host) return nothing;
    const byPlugin = new Map<PluginManifest, Field[]>();
    for (const field of this.fields) byPlugin.set(field.manifest, [...(byPlugin.get(field.manifest) ?? []), field]);
    return html`<h2 id="title">${msg('Instellingen')}</h2>
      <form novalidate aria-labelledby="title" @submit=${this.save}>
        ${this.renderShellOptions()}
        ${byPlugin.size === 0 ? html`<p>${msg('Geen plug-in heeft instellingen.')}</p>` : nothing}
        ${[...byPlugin].map(
          ([manifest, fields]) => html`<fieldset>
            <legend>${host.locale.text(manifest.contributes.configuration!.title)}</legend>
            ${fields.map((field) => this.renderField(field))}
          </fieldset>`,
        )}
        <div class="buttons">
          <button type="submit" class="default" ?disabled=${this.saving}>${msg('Opslaan')}</button>
          <button type="button" @click=${this.close}>${msg('Sluiten')}</button>
        </div>
      </form>`;
  }

  /** The shell's own settings, when the page that started the shell offers any. */
  protected renderShellOptions() {
    const host = this.host!;
    if (host.shellOptions.length === 0) return nothing;
    return html`<fieldset>
      <legend>${msg('Kassa')}</legend>
      ${host.shellOptions.map((option, i) => {
        const domId = `shell-option-${i}`;
        return html`<div class="field check">
          <input
            id=${domId}
            type="checkbox"
            .checked=${live(this.optionDrafts.get(option.id) === true)}
            aria-describedby=${option.description ? `${domId}-desc` : nothing}
            @change=${(event: Event) => {
              this.optionDrafts = new Map(this.optionDrafts).set(option.id, (event.target as HTMLInputElement).checked);
            }}
          />
          <label for=${domId}>${host.locale.text(option.title)}</label>
          ${option.description
            ? html`<p class="description" id="${domId}-desc">${host.locale.text(option.description)}</p>`
            : nothing}
        </div>`;
      })}
    </fieldset>`;
  }

  protected renderField(field: Field) {
    const host = this.host!;
    const { domId, property } = field;
    const label = host.locale.text(property.title);
    const description = property.description ? host.locale.text(property.description) : undefined;
    const error = this.errors.get(field.id);
    const describedBy = [
      description !== undefined ? `${domId}-desc` : '',
      property.secret ? `${domId}-status` : '',
      error ? `${domId}-error` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const draft = this.drafts.get(field.id) ?? '';
    const onInput = (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
      this.setDraft(field.id, target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value);
    };
    const common = { describedBy: describedBy || nothing, invalid: error ? 'true' : nothing };
    const descriptionText =
      description !== undefined ? html`<p class="description" id="${domId}-desc">${description}</p>` : nothing;
    // Always present, so screen readers announce a message as soon as it appears.
    const errorText = html`<p class="error" id="${domId}-error" role="alert">${error ?? ''}</p>`;

    if (property.secret) {
      const set = this.secretSet.get(field.id);
      return html`<div class="field">
        <label for=${domId} id="${domId}-label">${label}</label>
        <div class="secret">
          <!-- Write-only: bound to the typed draft, never to the stored secret. -->
          <input
            id=${domId}
            type="password"
            autocomplete="off"
            spellcheck="false"
            .value=${live(String(draft))}
            aria-describedby=${common.describedBy}
            aria-invalid=${common.invalid}
            @input=${onInput}
          />
          <button type="button" aria-describedby="${domId}-label" ?disabled=${!set} @click=${() => this.clearSecret(field)}>
            ${msg('Wissen')}
          </button>
          <span class="status" id="${domId}-status" role="status">
            ${set === undefined ? '' : set ? msg('Ingesteld') : msg('Niet ingesteld')}
          </span>
        </div>
        ${descriptionText} ${errorText}
      </div>`;
    }
    if (property.enum) {
      // `selected` per option rather than the select's value: the options do not exist yet when a
      // first render would set it.
      return html`<div class="field">
        <label for=${domId}>${label}</label>
        <select id=${domId} aria-describedby=${common.describedBy} aria-invalid=${common.invalid} @change=${onInput}>
          ${property.enum.map((value, i) => {
            const itemLabel = property.enumItemLabels?.[i];
            return html`<option value=${String(value)} .selected=${live(String(value) === draft)}>
              ${itemLabel ? host.locale.text(itemLabel) : String(value)}
            </option>`;
          })}
        </select>
        ${descriptionText} ${errorText}
      </div>`;
    }
    switch (property.type) {
      case 'boolean':
        return html`<div class="field check">
          <input
            id=${domId}
            type="checkbox"
            .checked=${live(draft === true)}
            aria-describedby=${common.describedBy}
            aria-invalid=${common.invalid}
            @change=${onInput}
          />
          <label for=${domId}>${label}</label>
          ${descriptionText} ${errorText}
        </div>`;
      case 'object':
      case 'array': {
        const text = String(draft);
        return html`<div class="field">
          <label for=${domId}>${label}</label>
          <textarea
            id=${domId}
            spellcheck="false"
            autocomplete="off"
            rows=${Math.min(12, Math.max(3, text.split('\n').length))}
            .value=${live(text)}
            aria-describedby=${common.describedBy}
            aria-invalid=${common.invalid}
            @input=${onInput}
          ></textarea>
          ${descriptionText} ${errorText}
        </div>`;
      }
      default:
        return html`<div class="field">
          <label for=${domId}>${label}</label>
          <input
            id=${domId}
            type=${property.type === 'number' ? 'number' : 'text'}
            step=${property.type === 'number' ? 'any' : nothing}
            inputmode=${property.type === 'number' ? 'decimal' : nothing}
            autocomplete="off"
            .value=${live(String(draft))}
            aria-describedby=${common.describedBy}
            aria-invalid=${common.invalid}
            @input=${onInput}
          />
          ${descriptionText} ${errorText}
        </div>`;
    }
  }

  protected setDraft(id: string, value: Draft): void {
    this.drafts = new Map(this.drafts).set(id, value);
  }

  /** The value to write for a changed field, or an error message; throws nothing. */
  protected parse(field: Field, draft: Draft): { value: unknown } | { error: string } {
    const { type } = field.property;
    let value: unknown = draft;
    if (field.property.enum) {
      value = field.property.enum.find((allowed) => String(allowed) === draft);
      if (!inEnum(value, field.property)) return { error: msg('Kies een van de mogelijke waarden.') };
    } else if (type === 'number') value = String(draft).trim() === '' ? Number.NaN : Number(draft);
    else if (isJson(type)) {
      try {
        value = JSON.parse(String(draft));
      } catch {
        return { error: msg("Dit is geen geldige JSON. Controleer haakjes, aanhalingstekens en komma's.") };
      }
    }
    // Checked before anything is written, so one wrong field saves nothing.
    return hasType(value, type) ? { value } : { error: typeMessage(type) };
  }

  protected async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const host = this.host;
    if (!host || this.saving) return;
    const errors = new Map<string, string>();
    const writes: { field: Field; value: unknown }[] = [];
    const secrets: { field: Field; value: string }[] = [];
    for (const field of this.fields) {
      const draft = this.drafts.get(field.id) ?? '';
      if (field.property.secret) {
        // An empty field leaves the stored secret as it is.
        if (draft !== '') secrets.push({ field, value: String(draft) });
        continue;
      }
      if (draft === this.initial.get(field.id)) continue;
      const parsed = this.parse(field, draft);
      if ('error' in parsed) errors.set(field.id, parsed.error);
      else writes.push({ field, value: parsed.value });
    }
    if (errors.size > 0) {
      await this.showErrors(errors);
      return;
    }

    this.saving = true;
    try {
      for (const { field, value } of writes) {
        try {
          await host.settings.forPlugin(field.manifest).update(field.key, value);
          this.initial.set(field.id, this.drafts.get(field.id)!);
        } catch (error) {
          // The registry's own check (the last word on types and allowed values): its message stays in the console.
          console.warn(error);
          errors.set(
            field.id,
            error instanceof TypeError
              ? typeMessage(field.property.type)
              : error instanceof RangeError
                ? msg('Kies een van de mogelijke waarden.')
                : msg('Kon niet worden opgeslagen.'),
          );
        }
      }
      for (const { field, value } of secrets) {
        try {
          await host.settings.secretsFor(field.manifest.id).store(field.key, value);
          // Forget the typed secret at once: the field must not keep it.
          this.setDraft(field.id, '');
          this.secretSet = new Map(this.secretSet).set(field.id, true);
        } catch (error) {
          // Never log the secret itself; the error is about storage, not the value.
          console.warn(error instanceof Error ? error.name : 'secret storage failed');
          errors.set(field.id, msg('De geheime waarde kon niet worden opgeslagen.'));
        }
      }
    } finally {
      this.saving = false;
    }
    if (errors.size > 0) {
      await this.showErrors(errors);
      return;
    }
    const options = host.shellOptions.filter((option) => (this.optionDrafts.get(option.id) ?? option.value) !== option.value);
    const changed = writes.length + secrets.length + options.length;
    if (changed > 0) host.messages.notify(msg(str`Instellingen opgeslagen (${changed}).`));
    this.close();
    // Last: applying one may reload the page.
    for (const option of options) option.apply(this.optionDrafts.get(option.id)!);
  }

  /** Shows the messages next to their fields and puts focus on the first, for keyboard users. */
  protected async showErrors(errors: Map<string, string>): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    const first = this.fields.find((f) => errors.has(f.id));
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${first.domId}`)?.focus();
  }

  protected async clearSecret(field: Field): Promise<void> {
    const host = this.host;
    if (!host) return;
    try {
      await host.settings.secretsFor(field.manifest.id).delete(field.key);
      this.setDraft(field.id, '');
      this.secretSet = new Map(this.secretSet).set(field.id, false);
      const errors = new Map(this.errors);
      errors.delete(field.id);
      this.errors = errors;
      // The button is now disabled; keep focus in the dialog, on the field it belongs to.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${field.domId}`)?.focus();
    } catch (error) {
      host.reportError(error, msg('De geheime waarde kon niet worden gewist.'));
    }
  }

  protected close(): void {
    this.dispatchEvent(new CustomEvent(CLOSE_DIALOG_EVENT, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'settings-panel': SettingsPanel;
  }
}
