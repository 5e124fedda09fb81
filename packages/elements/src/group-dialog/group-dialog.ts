import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GroupCategory, GroupCreateBody, LABELS, translateMessage, type Group, type GroupWithCount } from '@clr/domain';
import { ClrElement } from '../shared/clr-element.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { ModalController } from '../shared/modal.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import { ClrDialogCloseEvent } from '../shared/events.js';
import { ClrGroupSaveEvent } from './group-dialog.events.js';
import { styles } from './group-dialog.styles.js';

type Field = 'name' | 'category';

/**
 * « Créer un groupe » (§5.3) and « Editer le groupe » (§5.8) in a modal
 * dialog: « Nom du groupe * » and « Catégorie de groupe * » (the four
 * categories with what each is for), each error beside its field (empty or
 * duplicate name, no category) and the server's refusal at the top (a group
 * deleted in another tab). « Créer le groupe » ends on the manual's «
 * Continuer » step; « Sauvegarder » closes. What was typed stays after a
 * refusal.
 *
 * Without `group`: creation. With `group`: editing that group.
 *
 * @summary Create or edit a group (§5.3, §5.8).
 *
 * @fires clr-group-save - `ClrGroupSaveEvent`: the server saved the group; `detail: { group, created }`.
 * @fires clr-dialog-close - The dialog closed (Annuler, Continuer, Escape, `close()`); focus is back on the opener.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart title - The title.
 * @csspart close - The × button.
 * @csspart body - The form's fields.
 * @csspart error - The server's refusal (role alert).
 * @csspart name-input - « Nom du groupe ».
 * @csspart category-select - « Catégorie de groupe ».
 * @csspart field-error - A message beside its field.
 * @csspart categories - The explanation of the four categories.
 * @csspart footer - The buttons.
 * @csspart cancel - « Annuler ».
 * @csspart submit - « Créer le groupe » or « Sauvegarder ».
 * @csspart done - The « Continuer » step after a creation.
 * @csspart continue - « Continuer ».
 */
export class ClrGroupDialog extends ClrElement {
  static override styles = [tokens, dialogStyles, styles];

  /** Whether the dialog is shown (reflected); `show()` and `close()` set it. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** The group to edit (§5.8); `null` to create one (§5.3). */
  @property({ attribute: false })
  group: Group | GroupWithCount | null = null;

  @state() private name = '';
  @state() private category: GroupCategory | '' = '';
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private alertMessage: string | null = null;
  @state() private busy = false;
  /** The group just created: the « Continuer » step. */
  @state() private created: GroupWithCount | null = null;

  #action: AbortController | undefined;

  #modal = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector<HTMLDialogElement>('dialog'),
    canDismiss: () => !this.busy,
    onClose: () => {
      this.open = false;
      this.#action?.abort();
      this.dispatchEvent(new ClrDialogCloseEvent());
    },
  });

  /** Opens the dialog on the group's current name and category (empty for a creation). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog. */
  close(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('open') && this.open) || (changed.has('group') && !this.open)) this.#reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.#modal.toggle(this.open);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#action?.abort();
  }

  #reset(): void {
    this.name = this.group?.name ?? '';
    this.category = this.group?.category ?? '';
    this.errors = {};
    this.alertMessage = null;
    this.created = null;
    this.busy = false;
  }

  #translate(text: string): string {
    return this.locale === 'fr' ? text : translateMessage(text, this.locale);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const api = this.api;
    if (!api || this.busy) return;
    this.alertMessage = null;
    const parsed = GroupCreateBody.safeParse({ name: this.name, category: this.category || undefined });
    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'name' || field === 'category') && !errors[field]) errors[field] = this.#translate(issue.message);
      }
      this.errors = errors;
      await this.updateComplete;
      this.#focusInvalid();
      return;
    }
    this.errors = {};
    this.busy = true;
    const action = new AbortController();
    this.#action = action;
    const editing = this.group;
    try {
      const saved = editing
        ? await api.groups.update(editing.id, parsed.data, { signal: action.signal })
        : await api.groups.create(parsed.data, { signal: action.signal });
      this.dispatchEvent(new ClrGroupSaveEvent({ group: saved, created: !editing }));
      if (editing) {
        this.busy = false;
        this.close();
        return;
      }
      this.created = saved;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="continue"]')?.focus();
    } catch (error) {
      if (this.isAbort(error)) return;
      const shown = this.describeError(error);
      const errors: Partial<Record<Field, string>> = {};
      for (const field of shown.fields) {
        if ((field.path === 'name' || field.path === 'category') && !errors[field.path]) errors[field.path] = field.message;
      }
      this.errors = errors;
      // A duplicate name is said beside the field; anything else (a stale group, the network) on top.
      this.alertMessage = Object.keys(errors).length > 0 ? null : shown.message;
      await this.updateComplete;
      this.#focusInvalid();
    } finally {
      if (this.#action === action) this.#action = undefined;
      this.busy = false;
    }
  }

  #focusInvalid(): void {
    const first = this.errors.name ? 'name-input' : this.errors.category ? 'category-select' : null;
    if (first) this.renderRoot.querySelector<HTMLElement>(`[part~="${first}"]`)?.focus();
    else if (this.alertMessage) this.renderRoot.querySelector<HTMLElement>('[part~="error"]')?.focus();
  }

  protected override render(): TemplateResult {
    const t = this.t.groupDialog;
    const title = this.group ? t.editTitle : t.createTitle;
    return html`<dialog part="dialog" aria-labelledby="title">
      <div class="frame">
        <header>
          <h2 part="title" id="title">${title}</h2>
          <button type="button" part="close" class="close" aria-label=${t.close} title=${t.close} ?disabled=${this.busy} @click=${() => this.close()}>×</button>
        </header>
        ${this.open ? (this.created ? this.#renderDone(this.created) : this.#renderForm()) : nothing}
      </div>
    </dialog>`;
  }

  #renderDone(group: GroupWithCount): TemplateResult {
    const t = this.t.groupDialog;
    return html`<div part="body done" class="body">
        <div class="success" role="status"><p>${format(t.created, { name: group.name })}</p></div>
      </div>
      <footer part="footer">
        <button type="button" part="continue" class="primary" @click=${() => this.close()}>${t.continue}</button>
      </footer>`;
  }

  #renderForm(): TemplateResult {
    const t = this.t.groupDialog;
    const labels = LABELS[this.locale].groupCategory;
    const { name: nameError, category: categoryError } = this.errors;
    return html`<form novalidate @submit=${(e: Event) => void this.#submit(e)}>
      <div part="body" class="body">
        ${this.alertMessage
          ? html`<div part="error" class="alert" role="alert" tabindex="-1"><p>${this.alertMessage}</p></div>`
          : nothing}
        <p class="required-note">${t.required}</p>
        <div class="field">
          <label for="name">${t.name} *</label>
          <input
            part="name-input"
            id="name"
            name="name"
            autocomplete="off"
            required
            autofocus
            maxlength="100"
            aria-invalid=${nameError ? 'true' : 'false'}
            aria-describedby=${nameError ? 'name-error' : nothing}
            .value=${this.name}
            @input=${(e: Event) => {
              this.name = (e.target as HTMLInputElement).value;
              if (this.errors.name) this.errors = { ...this.errors, name: undefined };
            }}
          />
          ${nameError ? html`<p part="field-error" class="field-error" id="name-error">${nameError}</p>` : nothing}
        </div>
        <div class="field">
          <label for="category">${t.category} *</label>
          <select
            part="category-select"
            id="category"
            name="category"
            required
            aria-invalid=${categoryError ? 'true' : 'false'}
            aria-describedby=${categoryError ? 'category-error category-help' : 'category-help'}
            @change=${(e: Event) => {
              this.category = (e.target as HTMLSelectElement).value as GroupCategory | '';
              if (this.errors.category) this.errors = { ...this.errors, category: undefined };
            }}
          >
            <option value="" ?selected=${this.category === ''}>${t.chooseCategory}</option>
            ${GroupCategory.options.map((c) => html`<option value=${c} ?selected=${this.category === c}>${labels[c]}</option>`)}
          </select>
          ${categoryError ? html`<p part="field-error" class="field-error" id="category-error">${categoryError}</p>` : nothing}
        </div>
        <p class="hint">${t.categoriesIntro}</p>
        <ul part="categories" class="categories" id="category-help">
          ${GroupCategory.options.map(
            (c) => html`<li aria-current=${this.category === c ? 'true' : 'false'}><strong>${labels[c]}</strong> — ${t.categoryHelp[c]}</li>`,
          )}
        </ul>
      </div>
      <footer part="footer">
        <button type="button" part="cancel" ?disabled=${this.busy} @click=${() => this.close()}>${t.cancel}</button>
        <button type="submit" part="submit" class="primary" ?disabled=${this.busy || !this.api}>
          ${this.busy ? t.saving : this.group ? t.save : t.create}
        </button>
      </footer>
    </form>`;
  }
}
