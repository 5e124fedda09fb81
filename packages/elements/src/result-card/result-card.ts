import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { EXAM_TYPES, LABELS, examTypeLabel, formatDate, type Attempt, type CandidateDetail, type DocumentKind } from '@clr/domain';
import { ClrElement } from '../shared/clr-element.js';
import { openDocumentTab, showDocument } from '../shared/open-document.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import { ClrDocumentOpenEvent } from './result-card.events.js';
import { styles } from './result-card.styles.js';

const externalIcon = svg`<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M15 3h6v6M10 14 21 3M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6"/></svg>`;

/** The latest taken exam of a file (attempts come latest first; one still in progress has no date yet). */
export function latestTakenAttempt(candidate: Pick<CandidateDetail, 'attempts'>): Attempt | undefined {
  return candidate.attempts.find((attempt) => attempt.takenAt !== null);
}

/**
 * « Consulter le résultat d'un examen » (manual §6.9–6.12): the candidate's
 * latest result in a card — the exam type, « Score obtenu » N/1000,
 * « Effectuée le », « Valide jusqu'au » (R16), « Code public » — and the links
 * « Accéder au bilan détaillé », « Accéder à l'attestation d'inscription »,
 * « Accéder à l'attestation de passage », each shown only when that document
 * exists for the candidate (R18, the file's `documents`). A candidate
 * registered for an exam that gives the registration certificate, who has not
 * taken it yet, gets « Générer l'attestation » instead. Each opens the PDF
 * (`client.documents.download`) in a new tab, opened at the click so that no
 * pop-up blocker stops it.
 *
 * Give it the file (`candidate`, as `<clr-candidate-file>` does) or a
 * `candidate-id` to load it. With neither a result nor a certificate it says
 * « Ce candidat n'a pas encore passé d'examen. ».
 *
 * @summary The §6.9 result card with the links to the candidate's documents.
 *
 * @fires clr-document-open - A document was opened (in a tab) or downloaded: `detail: { kind, candidateIds, shown }`.
 *
 * @csspart card - The card.
 * @csspart exam-type - The exam type, as a heading.
 * @csspart score - « Score obtenu : 617/1000 ».
 * @csspart facts - The dates and the public code.
 * @csspart links - The list of document links.
 * @csspart link - One document link (a button opening the PDF).
 * @csspart generate - « Générer l'attestation ».
 * @csspart error - A failed load or download (role alert).
 * @csspart status - Loading and « Le document est ouvert… ».
 *
 * @cssproperty --clr-result-card-background - The card's background (default: a light tint of the primary colour).
 */
export class ClrResultCard extends ClrElement {
  static override styles = [tokens, styles];

  /** The candidate's file (`client.candidates.retrieve`); wins over `candidate-id`. */
  @property({ attribute: false })
  candidate: CandidateDetail | null = null;

  /** Loads this candidate's file when `candidate` is not given. */
  @property({ attribute: 'candidate-id' })
  candidateId: string | null = null;

  @state() private opening: DocumentKind | null = null;
  @state() private failure: string | null = null;
  @state() private announcement = '';

  #load = new Task(this, {
    task: async ([api, id, given], { signal }) => {
      if (given || !api || !id) return null;
      return api.candidates.retrieve(id, { signal });
    },
    args: () => [this.api, this.candidateId, this.candidate] as const,
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('candidate') || changed.has('candidateId')) {
      this.failure = null;
      this.announcement = '';
    }
    super.willUpdate(changed);
  }

  get #file(): CandidateDetail | null {
    return this.candidate ?? (this.#load.status === TaskStatus.COMPLETE ? (this.#load.value ?? null) : null);
  }

  /** Opens one of the candidate's documents in a new tab, as its link does. */
  async openDocument(kind: DocumentKind): Promise<void> {
    const file = this.#file;
    const api = this.api;
    if (!file || !api || this.opening) return;
    const t = this.t.resultCard;
    this.opening = kind;
    this.failure = null;
    this.announcement = t.preparing;
    const tab = openDocumentTab(t.preparing);
    try {
      const pdf = await api.documents.download(kind, [file.id]);
      const shown = showDocument(pdf, tab, `${kind}.pdf`);
      this.announcement = shown === 'tab' ? t.opened : t.downloaded;
      this.dispatchEvent(new ClrDocumentOpenEvent({ kind, candidateIds: [file.id], shown }));
    } catch (error) {
      tab?.close();
      this.announcement = '';
      this.failure = this.describeError(error).message;
    } finally {
      this.opening = null;
    }
  }

  #link(kind: DocumentKind, label: string, part = 'link'): TemplateResult {
    const busy = this.opening === kind;
    return html`<button type="button" class="link" part=${part} aria-busy=${busy ? 'true' : 'false'} ?disabled=${this.opening !== null} @click=${() => void this.openDocument(kind)}>
      ${label} ${externalIcon}<span class="visually-hidden"> ${this.t.resultCard.newTab}</span>
    </button>`;
  }

  #renderAttempt(file: CandidateDetail, attempt: Attempt): TemplateResult {
    const t = this.t.resultCard;
    const label = examTypeLabel(attempt.examType, EXAM_TYPES, this.locale);
    const links: TemplateResult[] = [];
    if (file.documents.report) links.push(this.#link('report', t.report));
    if (file.documents.registration) links.push(this.#link('registration', t.registration));
    if (file.documents.attendance) links.push(this.#link('attendance', t.attendance));
    return html`<section class="card" part="card" aria-labelledby="result-title">
      <h3 class="visually-hidden" id="result-title">${t.title}</h3>
      <p class="exam-type" part="exam-type">${label}</p>
      ${attempt.score !== null
        ? html`<p class="score" part="score">${t.score} <strong>${attempt.score}/1000</strong></p>`
        : nothing}
      <dl class="facts" part="facts">
        ${attempt.validation !== 'validated'
          ? html`<div><dt>${t.validation}</dt> <dd>${attempt.validation === 'pending' ? t.pending : LABELS[this.locale].validation[attempt.validation]}</dd></div>`
          : nothing}
        <div><dt>${t.takenAt}</dt> <dd>${formatDate(attempt.takenAt)}</dd></div>
        ${attempt.validUntil ? html`<div><dt>${t.validUntil}</dt> <dd>${formatDate(attempt.validUntil)}</dd></div>` : nothing}
        ${attempt.publicCode ? html`<div><dt>${t.publicCode}</dt> <dd class="code">${attempt.publicCode}</dd></div>` : nothing}
      </dl>
      ${links.length > 0 ? html`<ul class="links" part="links">${links.map((link) => html`<li>${link}</li>`)}</ul>` : nothing}
    </section>`;
  }

  #renderRegistered(file: CandidateDetail): TemplateResult {
    const t = this.t.resultCard;
    const examType = examTypeLabel(file.assignment?.examType ?? file.examType, EXAM_TYPES, this.locale);
    return html`<section class="card" part="card" aria-labelledby="result-title">
      <h3 class="exam-type" part="exam-type" id="result-title">${examType}</h3>
      <p>${format(t.registrationIntro, { examType })}</p>
      ${this.#link('registration', t.generateRegistration, 'generate')}
    </section>`;
  }

  override render(): TemplateResult {
    if (!this.api) return html`<p class="error" role="alert">${this.t.common.noClient}</p>`;
    if (!this.candidate && this.#load.status === TaskStatus.ERROR) {
      return html`<div class="error" part="error" role="alert">
        <p>${this.describeError(this.#load.error).message}</p>
        <button type="button" @click=${() => void this.#load.run()}>${this.t.common.retry}</button>
      </div>`;
    }
    const file = this.#file;
    if (!file) return html`<p part="status" role="status">${this.candidateId ? this.t.common.loading : ''}</p>`;
    const attempt = latestTakenAttempt(file);
    const body = attempt
      ? this.#renderAttempt(file, attempt)
      : file.documents.registration
        ? this.#renderRegistered(file)
        : html`<p class="none">${this.t.resultCard.none}</p>`;
    return html`${body}
      ${this.failure ? html`<p class="error" part="error" role="alert">${this.failure}</p>` : nothing}
      <p class="visually-hidden" part="status" role="status">${this.announcement}</p>`;
  }
}
