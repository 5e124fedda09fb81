import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { LABELS, LOW_STOCK_THRESHOLD, examTypeLabel, formatDate, type CandidateDetail } from '@clr/domain';
import '../define/clr-assign-dialog.js';
import '../define/clr-codes-dialog.js';
import { assignModeOf, type ClrAssignDialog } from '../assign-dialog/assign-dialog.js';
import type { ClrAssignmentChangeEvent } from '../assign-dialog/assign-dialog.events.js';
import type { ClrCodesDialog } from '../codes-dialog/codes-dialog.js';
import { ClrElement } from '../shared/clr-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import { styles } from './assignment-actions.styles.js';

/**
 * The assignment actions of one candidate's file (manual §6.5–§6.7), for the
 * `assignment` slot of `<clr-candidate-file>` or any page: the exam assigned
 * (type, status, date), then « Attribuer une certification » (« Nouvelle
 * attribution » after a taken or expired exam) or « Modifier l'attribution »
 * while one is scheduled — each opening `<clr-assign-dialog>` — and « Afficher
 * le code » opening `<clr-codes-dialog>` for that candidate when the exam has
 * an activation code. After a change it shows what was done and loads the
 * candidate again; the `clr-assignment-change` event goes on to the page.
 *
 * @summary The single-candidate assignment actions (§6.5–6.7).
 *
 * @fires clr-assignment-change - From the dialog: assigned, changed or removed; `detail: { action, candidateIds, examType, message }`.
 * @fires clr-order-request - From the dialog: « Commander »; `detail: { examType }`.
 *
 * @csspart summary - The exam assigned.
 * @csspart actions - The buttons.
 * @csspart assign - « Attribuer une certification » / « Nouvelle attribution » / « Modifier l'attribution ».
 * @csspart show-code - « Afficher le code ».
 * @csspart message - What was done (role status).
 * @csspart error - An error message (role alert).
 */
export class ClrAssignmentActions extends ClrElement {
  static override styles = [tokens, styles];

  /** The candidate. */
  @property({ attribute: 'candidate-id' })
  candidateId: string | null = null;

  /** Passed to `<clr-assign-dialog>`: a type with this many credits or fewer is flagged « Stock faible ». */
  @property({ type: Number, attribute: 'low-stock-threshold' })
  lowStockThreshold = LOW_STOCK_THRESHOLD;

  @state()
  protected message = '';

  @query('clr-assign-dialog')
  private assignDialog?: ClrAssignDialog;

  @query('clr-codes-dialog')
  private codesDialog?: ClrCodesDialog;

  #candidate = new Task(this, {
    task: async ([api, id], { signal }) => (api && id ? api.candidates.retrieve(id, { signal }) : null),
    args: () => [this.api, this.candidateId] as const,
  });

  /** Loads the candidate again (after a change made elsewhere). */
  refresh(): void {
    void this.#candidate.run();
  }

  /** Settles once the candidate is loaded (or failed). */
  get loaded(): Promise<unknown> {
    return this.#candidate.taskComplete.catch(() => undefined);
  }

  #onChange(event: ClrAssignmentChangeEvent): void {
    this.message = event.detail.message;
    this.refresh();
  }

  override render(): TemplateResult {
    return html`
      <section aria-label=${this.t.assignmentActions.label}>
        ${this.#candidate.render({
          initial: () => html`<p class="status" role="status">${this.api ? this.t.common.loading : this.t.common.noClient}</p>`,
          pending: () => (this.#candidate.value ? this.#renderActions(this.#candidate.value) : html`<p class="status" role="status">${this.t.common.loading}</p>`),
          complete: (candidate) => (candidate ? this.#renderActions(candidate) : nothing),
          error: (error) => html`
            <div part="error" class="alert" role="alert"><p>${this.describeError(error).message}</p></div>
            <button type="button" @click=${() => this.refresh()}>${this.t.common.retry}</button>
          `,
        })}
        <p part="message" class="message" role="status">${this.message}</p>
      </section>
      <clr-assign-dialog
        .client=${this.api}
        candidate-id=${this.candidateId ?? ''}
        low-stock-threshold=${this.lowStockThreshold}
        @clr-assignment-change=${(e: ClrAssignmentChangeEvent) => this.#onChange(e)}
      ></clr-assign-dialog>
      <clr-codes-dialog .client=${this.api} candidate-id=${this.candidateId ?? ''}></clr-codes-dialog>
    `;
  }

  #renderActions(candidate: CandidateDetail): TemplateResult {
    const t = this.t.assignmentActions;
    const mode = assignModeOf(candidate);
    const current = candidate.assignment;
    const status = LABELS[this.locale].candidateStatus[candidate.status];
    const type = current ? examTypeLabel(current.examType, undefined, this.locale) : '';
    const scheduled = current?.state === 'scheduled';
    return html`
      <div part="summary" class="summary">
        ${current
          ? html`<p>
              <span class="status-dot ${candidate.status}"></span>
              ${current.scheduledAt ? format(t.currentDate, { type, status, date: formatDate(current.scheduledAt) }) : format(t.current, { type, status })}
            </p>
            ${scheduled ? html`<p class="muted">${format(t.deadline, { date: formatDate(current.deadline) })}</p>` : nothing}
            ${scheduled && !current.activationCode && current.sessionId ? html`<p class="muted">${t.noCode}</p>` : nothing}`
          : html`<p class="muted">${t.none}</p>`}
      </div>
      <div part="actions" class="actions">
        <button type="button" part="assign" class="primary" @click=${() => this.assignDialog?.show()}>
          ${mode === 'modify' ? t.modify : mode === 'new' ? t.newAssignment : t.assign}
        </button>
        ${scheduled && current.activationCode
          ? html`<button type="button" part="show-code" @click=${() => this.codesDialog?.show()}>${t.showCode}</button>`
          : nothing}
      </div>
    `;
  }
}
