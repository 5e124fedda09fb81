import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Catalogue } from '../translations/index.js';
import { PAGE_KEYS, checkPage, emptyValues, fieldId, fieldLabel, firstPageWithError, type CandidateValues, type CheckOptions, type PageKey } from './candidate-pages.js';

/**
 * What a candidate's pages hold while they are typed, and each field's
 * message, kept for a Lit host (each change asks it to render; it needs no
 * lifecycle of its own): shared by `<clr-candidate-form>` and
 * `<clr-candidate-file>`'s edit mode. A field typed into loses its message;
 * unticking « Envoyer au candidat… » unticks the acknowledgment link (it rides
 * in that e-mail).
 */
export class CandidateValuesController {
  readonly #host: ReactiveControllerHost;
  readonly #onInput: (() => void) | undefined;
  #values: CandidateValues = emptyValues();
  #errors = new Map<string, string>();

  constructor(host: ReactiveControllerHost, options: { onInput?: () => void } = {}) {
    this.#host = host;
    this.#onInput = options.onInput;
  }

  get values(): CandidateValues {
    return this.#values;
  }

  set values(values: CandidateValues) {
    this.#values = values;
    this.#errors = new Map();
    this.#host.requestUpdate();
  }

  /** Each field's message, keyed `page.field`. */
  get errors(): ReadonlyMap<string, string> {
    return this.#errors;
  }

  /** A field changed (`identity.email`, its new value). */
  readonly input = (path: string, value: string | boolean): void => {
    const [page, field] = path.split('.') as [PageKey, string];
    const next = structuredClone(this.#values);
    (next[page] as Record<string, string | boolean>)[field] = value;
    if (path === 'password.sendToCandidate' && value === false) next.password.requestAcknowledgment = false;
    this.#values = next;
    if (this.#errors.has(path)) {
      this.#errors = new Map(this.#errors);
      this.#errors.delete(path);
    }
    this.#host.requestUpdate();
    this.#onInput?.();
  };

  /** The domain's check of these pages; their messages are shown. Returns whether all hold. */
  check(pages: readonly PageKey[], options: CheckOptions): boolean {
    const errors = new Map<string, string>();
    for (const page of pages) for (const [path, message] of checkPage(page, this.#values, options)) errors.set(path, message);
    this.showErrors(errors);
    return errors.size === 0;
  }

  /** Shows these messages (the domain's, or a server refusal's `errors`); returns the first page holding one. */
  showErrors(errors: ReadonlyMap<string, string>): PageKey | undefined {
    this.#errors = new Map(errors);
    this.#host.requestUpdate();
    return firstPageWithError(this.#errors);
  }

  clearErrors(): void {
    if (this.#errors.size === 0) return;
    this.#errors = new Map();
    this.#host.requestUpdate();
  }

}

/**
 * « Il y a un problème »: the summary at the top of the page (GOV.UK's error
 * summary), each message a link to its field. `pick(path)` shows and focuses it.
 */
export function renderErrorSummary(t: Catalogue, errors: ReadonlyMap<string, string>, pick: (path: string) => void): TemplateResult | typeof nothing {
  if (errors.size === 0) return nothing;
  const words = t.candidateForm;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${words.errorSummary}</h2>
    <p>${words.errorSummaryIntro}</p>
    <ul>
      ${[...errors].map(([path, message]) => {
        const [page, field] = path.split('.') as [PageKey, string];
        const label = PAGE_KEYS.includes(page) ? fieldLabel(t, page, field) : path;
        return html`<li>
          <a
            href=${`#${fieldId(path)}`}
            @click=${(e: Event) => {
              e.preventDefault();
              pick(path);
            }}
            >${label} : ${message}</a
          >
        </li>`;
      })}
    </ul>
  </div>`;
}
