import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { candidateName, DocumentKind, EXAM_TYPES, examTypeLabel, formatDate, LIMIT_MAX, SELECTION_MAX, type CandidateRow, type EligibleCandidateList } from '@clr/domain';
import type { DocumentFormat } from '@clr/sdk';
import { ClrDialogCloseEvent } from '../shared/events.js';
import { ClrDocumentOpenEvent } from '../result-card/result-card.events.js';
import { ClrElement } from '../shared/clr-element.js';
import { ModalController } from '../shared/modal.js';
import { openDocumentTab, showDocument } from '../shared/open-document.js';
import { DebounceController, PagedListController } from '../shared/paged-list.js';
import { SelectionController } from '../shared/selection.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { breakableEmail } from '../shared/email.js';
import { format } from '../translations/index.js';
import { styles } from './documents-dialog.styles.js';

/** How many eligible candidates the list loads at a time (« Afficher les candidats suivants » loads more). */
export const DOCUMENTS_PAGE_SIZE = 50;

interface Query {
  kind: DocumentKind;
  q: string;
  groupId: string;
}

/**
 * « Générer des documents » (manual §6.10–6.12, R18), in a modal dialog: choose
 * « Bilan détaillé », « Attestation d'inscription » or « Attestation de
 * passage », « Sélectionner »; the list of the candidates whose document
 * exists (`client.documents.eligible`), searchable and filtered by group, 50 at
 * a time; a checkbox per candidate and « Tout sélectionner » (every candidate
 * the filters keep, up to 1 000); « Générer » → one merged PDF opened in a new
 * tab, or a ZIP of one PDF per candidate (`client.documents.download`). While
 * the server builds the document the dialog shows a progress bar and
 * « Annuler la génération » aborts it.
 *
 * A real modal (the shared `ModalController`): focus moved in, Tab kept inside,
 * Escape closes, focus back on the opener.
 *
 * @summary The « Générer des documents » dialog of §6.10–6.12.
 *
 * @fires clr-document-open - The merged PDF was opened, or the ZIP downloaded: `detail: { kind, candidateIds, shown }`.
 * @fires clr-dialog-close - The dialog closed.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart header - The title bar.
 * @csspart title - The title.
 * @csspart close - « × ».
 * @csspart body - The scrolling content.
 * @csspart kinds - The document types to choose from.
 * @csspart select - « Sélectionner ».
 * @csspart filters - Search and group filter.
 * @csspart search - The search field.
 * @csspart table - The eligible candidates.
 * @csspart row - One candidate.
 * @csspart select-all - « Tout sélectionner ».
 * @csspart more - « Afficher les candidats suivants ».
 * @csspart format - PDF or ZIP.
 * @csspart footer - The buttons at the bottom.
 * @csspart generate - « Générer ».
 * @csspart progress - The progress bar while generating.
 * @csspart cancel - « Annuler la génération ».
 * @csspart back - « Changer de type de document ».
 * @csspart error - A failure (role alert).
 * @csspart status - Loading, selection count and results.
 */
export class ClrDocumentsDialog extends ClrElement {
  static override styles = [tokens, dialogStyles, styles];

  /** Whether the dialog is shown (reflected); `show()` and `close()` do the same. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** The document type; when set, the dialog opens straight on its list. */
  @property()
  kind: DocumentKind | null = null;

  @state() private choice: DocumentKind = 'report';
  @state() private q = '';
  @state() private typed = '';
  @state() private groupId = '';
  @state() private formatChoice: DocumentFormat = 'pdf';
  @state() private generating: AbortController | null = null;
  @state() private selectingAll = false;
  @state() private failure: string | null = null;
  @state() private announcement = '';

  #debounce = new DebounceController(this, 250);

  #list = new PagedListController<CandidateRow, Query, EligibleCandidateList>(this, {
    enabled: () => this.open && this.kind !== null && this.api !== undefined,
    query: () => ({ kind: this.kind ?? 'report', q: this.q, groupId: this.groupId }),
    fetch: (query, cursor, signal) =>
      this.api!.documents.eligible(
        query.kind,
        { ...(query.q ? { q: query.q } : {}), ...(query.groupId ? { groupId: query.groupId } : {}), limit: DOCUMENTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
        { signal },
      ),
  });

  #selection = new SelectionController<CandidateRow>(this, {
    key: (row) => row.id,
    scope: () => [this.kind, this.q, this.groupId],
  });

  #groups = new Task(this, {
    task: async ([api, open], { signal }) => (api && open ? (await api.groups.list({ limit: LIMIT_MAX }, { signal })).data : []),
    args: () => [this.api, this.open] as const,
  });

  #modal = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector<HTMLDialogElement>('dialog'),
    onClose: () => {
      this.generating?.abort();
      this.open = false;
      this.dispatchEvent(new ClrDialogCloseEvent());
    },
  });

  /** The ids of the candidates selected. */
  get selectedIds(): string[] {
    return this.#selection.ids;
  }

  show(): void {
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('kind') && this.kind) this.choice = this.kind;
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open')) {
      if (this.open) {
        this.failure = null;
        this.announcement = '';
      }
      this.#modal.toggle(this.open);
    }
  }

  #select(): void {
    this.kind = this.choice;
    this.failure = null;
    void this.updateComplete.then(() => this.#modal.focusFirst());
  }

  #changeKind(): void {
    this.generating?.abort();
    this.kind = null;
    this.q = '';
    this.typed = '';
    this.groupId = '';
    void this.updateComplete.then(() => this.#modal.focusFirst());
  }

  #onSearch(value: string): void {
    this.typed = value;
    this.#debounce.schedule(() => (this.q = value.trim()));
  }

  /** « Tout sélectionner »: every candidate the filters keep (pages not loaded yet included), up to 1 000. */
  async #selectAll(): Promise<void> {
    const total = this.#list.total ?? 0;
    if (this.#selection.size >= Math.min(total, SELECTION_MAX) && total > 0) {
      this.#selection.clear();
      return;
    }
    if (total > SELECTION_MAX) {
      this.failure = format(this.t.documentsDialog.tooMany, { max: SELECTION_MAX });
      return;
    }
    this.selectingAll = true;
    this.failure = null;
    try {
      while (this.#list.hasMore) {
        await this.#list.nextPage();
        if (this.#list.moreError) throw this.#list.moreError;
      }
      this.#selection.select(this.#list.rows);
    } catch (error) {
      this.failure = this.describeError(error).message;
    } finally {
      this.selectingAll = false;
    }
  }

  async #generate(): Promise<void> {
    const api = this.api;
    const kind = this.kind;
    const ids = this.#selection.ids;
    if (!api || !kind || this.generating) return;
    const t = this.t.documentsDialog;
    if (ids.length === 0) {
      this.failure = t.needSelection;
      return;
    }
    const controller = new AbortController();
    const zip = this.formatChoice === 'zip';
    const tab = zip ? null : openDocumentTab(format(t.generating, { n: ids.length }));
    this.generating = controller;
    this.failure = null;
    this.announcement = format(t.generating, { n: ids.length });
    try {
      const file = await api.documents.download(kind, ids, { signal: controller.signal, format: this.formatChoice });
      const shown = showDocument(file, tab, zip ? `${kind}.zip` : `${kind}.pdf`);
      this.announcement = shown === 'tab' ? t.opened : t.downloaded;
      this.dispatchEvent(new ClrDocumentOpenEvent({ kind, candidateIds: ids, shown }));
    } catch (error) {
      tab?.close();
      if (controller.signal.aborted || this.isAbort(error)) this.announcement = t.cancelled;
      else {
        this.announcement = '';
        this.failure = this.describeError(error).message;
      }
    } finally {
      this.generating = null;
    }
  }

  #renderKinds(): TemplateResult {
    const t = this.t.documentsDialog;
    return html`<form
      @submit=${(e: Event) => {
        e.preventDefault();
        this.#select();
      }}
    >
      <fieldset part="kinds">
        <legend>${t.chooseKind}</legend>
        ${DocumentKind.options.map(
          (kind) => html`<label class="choice">
            <input type="radio" name="kind" value=${kind} .checked=${this.choice === kind} ?autofocus=${this.choice === kind} @change=${() => (this.choice = kind)} />
            ${t.kinds[kind]}
          </label>`,
        )}
      </fieldset>
      <div class="footer" part="footer">
        <button type="submit" class="primary" part="select">${t.select}</button>
      </div>
    </form>`;
  }

  #renderList(kind: DocumentKind): TemplateResult {
    const t = this.t.documentsDialog;
    const rows = this.#list.rows;
    const total = this.#list.total;
    const selected = this.#selection.size;
    const everySelected = total !== null && total > 0 && selected >= Math.min(total, SELECTION_MAX);
    const selectedText = selected === 0 ? t.selectedNone : selected === 1 ? t.selectedOne : format(t.selectedMany, { n: selected });
    const groups = this.#groups.value ?? [];
    const filtered = this.q !== '' || this.groupId !== '';
    return html`<p class="intro">${t.intro[kind]}</p>
      <div class="filters" part="filters" role="search" aria-label=${t.filters}>
        <label
          >${t.search}
          <input part="search" type="search" .value=${this.typed} @input=${(e: Event) => this.#onSearch((e.target as HTMLInputElement).value)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), this.#debounce.flush())}
        /></label>
        <label
          >${t.group}
          <select @change=${(e: Event) => (this.groupId = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.groupId === ''}>${t.allGroups}</option>
            ${groups.map((g) => html`<option value=${g.id} ?selected=${this.groupId === g.id}>${g.name}</option>`)}
          </select></label
        >
        ${filtered ? html`<button type="button" @click=${() => ((this.q = ''), (this.typed = ''), (this.groupId = ''))}>${t.reset}</button>` : nothing}
      </div>
      <div class="selection-bar">
        <button type="button" part="select-all" ?disabled=${!total || this.selectingAll} @click=${() => void this.#selectAll()}>
          ${this.selectingAll ? t.selectingAll : everySelected ? t.unselectAll : format(t.selectAll, { n: Math.min(total ?? 0, SELECTION_MAX) })}
        </button>
        <span part="status" role="status">${selectedText}</span>
      </div>
      <div class="scroll" aria-busy=${this.#list.busy ? 'true' : 'false'}>
        <table part="table">
          <caption class="visually-hidden">${t.caption}</caption>
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">${t.select}</span></th>
              <th scope="col">${t.columns.name}</th>
              <th scope="col">${t.columns.email}</th>
              <th scope="col">${t.columns.examType}</th>
              <th scope="col">${t.columns.date}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => {
              const name = candidateName(row);
              return html`<tr part="row">
                <td>
                  <input type="checkbox" aria-label=${format(t.selectRow, { name })} .checked=${this.#selection.has(row)} @change=${(e: Event) => this.#selection.toggle(row, (e.target as HTMLInputElement).checked)} />
                </td>
                <td>${name}</td>
                <td class="email">${breakableEmail(row.email)}</td>
                <td>${examTypeLabel(row.examType, EXAM_TYPES, this.locale)}</td>
                <td>${formatDate(row.date)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${this.#list.firstLoad ? html`<p role="status">${this.t.common.loading}</p>` : nothing}
      ${total === 0 ? html`<p class="empty">${filtered ? t.emptyFiltered : t.empty}</p>` : nothing}
      ${this.#list.error ? html`<div class="error" part="error" role="alert"><p>${this.describeError(this.#list.error).message}</p><button type="button" @click=${() => this.#list.refresh()}>${this.t.common.retry}</button></div>` : nothing}
      ${total !== null && total > 0
        ? html`<p class="shown">
            ${this.candidatesShown(rows.length, total)}
            ${this.#list.hasMore ? html`<button type="button" part="more" ?disabled=${this.#list.loadingMore} @click=${() => void this.#list.nextPage()}>${t.more}</button>` : nothing}
          </p>`
        : nothing}
      <fieldset class="format" part="format">
        <legend>${t.format}</legend>
        <label class="choice"><input type="radio" name="format" value="pdf" .checked=${this.formatChoice === 'pdf'} @change=${() => (this.formatChoice = 'pdf')} /> ${t.formatPdf}</label>
        <label class="choice"><input type="radio" name="format" value="zip" .checked=${this.formatChoice === 'zip'} @change=${() => (this.formatChoice = 'zip')} /> ${t.formatZip}</label>
      </fieldset>`;
  }

  #renderFooter(): TemplateResult {
    const t = this.t.documentsDialog;
    if (this.generating) {
      return html`<div class="footer progress-bar" part="footer">
        <label class="progress-label"
          >${this.announcement}
          <progress part="progress"></progress
        ></label>
        <button type="button" part="cancel" @click=${() => this.generating?.abort()}>${t.cancelGeneration}</button>
      </div>`;
    }
    return html`<div class="footer" part="footer">
      <button type="button" part="back" @click=${() => this.#changeKind()}>${t.back}</button>
      <button type="button" class="primary" part="generate" @click=${() => void this.#generate()}>${t.generate}</button>
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.t.documentsDialog;
    const kind = this.kind;
    return html`<dialog part="dialog" class="wide" aria-labelledby="documents-title">
      ${this.open
        ? html`<div class="frame">
            <header part="header">
              <h2 id="documents-title" part="title">${t.title}${kind ? html` — ${t.kinds[kind]}` : nothing}</h2>
              <button type="button" class="close" part="close" aria-label=${t.close} title=${t.close} @click=${() => this.#modal.close()}>×</button>
            </header>
            <div class="body" part="body">
              ${!this.api ? html`<p class="error" role="alert">${this.t.common.noClient}</p>` : kind ? this.#renderList(kind) : this.#renderKinds()}
              ${this.failure ? html`<p class="error" part="error" role="alert">${this.failure}</p>` : nothing}
              ${!this.generating && this.announcement ? html`<p class="done" role="status">${this.announcement}</p>` : nothing}
            </div>
            ${kind && this.api ? this.#renderFooter() : nothing}
          </div>`
        : nothing}
    </dialog>`;
  }
}
