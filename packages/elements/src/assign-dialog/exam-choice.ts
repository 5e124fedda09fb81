import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import {
  examTypeLabel,
  formatDate,
  formatDayInput,
  parseDayInput,
  parisDay,
  scheduleErrors,
  stockLevel,
  translateMessage,
  type ExamSession,
  type ExamType,
  type FieldError,
  type Locale,
} from '@clr/domain';
import type { AssignmentParams, ClrClient } from '@clr/sdk';
import type { Catalogue } from '../translations/index.js';
import { format } from '../translations/index.js';
import { openPicker } from '../shared/day-field.js';
import { icons } from '../shared/icons.js';
import { sessionTime } from '../session-picker/session-picker.js';

/** An exam type the space holds (or ordered), with its stock. */
export interface ExamOption {
  type: ExamType;
  remaining: number;
}

/** What the choice asks its host for. */
export interface ExamChoiceOptions {
  api: () => ClrClient | undefined;
  /** While false (dialog closed) nothing is loaded. */
  enabled: () => boolean;
  /** Credits the chosen action gives back to a type before consuming (modify: the current type, +1). */
  credit?: () => { examType: string; count: number } | null;
}

/** How the host shows the choice: its words, language, low-stock threshold, and what « Commander » and the session button do. */
export interface ExamChoiceView {
  t: Catalogue;
  locale: Locale;
  threshold: number;
  /** Credits needed (bulk: one per candidate selected later: 1 to choose). */
  needed?: number;
  /** Field errors the server returned, by path (shown beside their field). */
  serverErrors?: readonly FieldError[];
  /** Show the field errors of the rule (after a first submit). */
  showErrors: boolean;
  onOpenSessions: () => void;
  onOrder: (examType: string | null) => void;
  /** The ids of the radio group's legend and of the notify option's text. */
  notifyLabel: string;
}

/**
 * The choice shared by the assignment dialogs (§6.5, §6.6): the space's exam
 * types with « (N restantes) », the « Date de passage souhaitée » of dated
 * types (typed `jj/mm/aaaa`, today or later), the La Poste session of types
 * that need one, and the e-mail option. The domain's `scheduleErrors` and
 * `stockLevel` explain and disable; the server still decides.
 */
export class ExamChoiceController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ExamChoiceOptions;

  /** The exam type chosen, or null. */
  examType: string | null = null;
  /** The date as typed (`jj/mm/aaaa`). */
  dateText = '';
  session: ExamSession | null = null;
  notify = false;

  readonly task: Task<readonly [ClrClient | undefined, boolean], ExamOption[] | null>;

  constructor(host: ReactiveControllerHost, options: ExamChoiceOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.task = new Task(host, {
      task: async ([api, enabled], { signal }) => {
        if (!api || !enabled) return null;
        const [types, stock] = await Promise.all([api.examTypes.list({ signal }), api.stock.get({ signal })]);
        const catalogue = new Map(types.data.map((type) => [type.id, type]));
        return stock.byType.flatMap((line) => {
          const type = catalogue.get(line.examType);
          return type ? [{ type, remaining: line.remaining }] : [];
        });
      },
      args: () => [options.api(), options.enabled()] as const,
    });
  }

  hostConnected(): void {}

  /** The options loaded (empty before). */
  get options(): ExamOption[] {
    return this.task.value ?? [];
  }

  /** Credits of `examType` this action may use: the stock, plus what the action gives back first. */
  available(examType: string): number {
    const remaining = this.options.find((o) => o.type.id === examType)?.remaining ?? 0;
    const credit = this.#options.credit?.();
    return remaining + (credit && credit.examType === examType ? credit.count : 0);
  }

  get type(): ExamType | undefined {
    return this.options.find((o) => o.type.id === this.examType)?.type;
  }

  /** The date to send: `YYYY-MM-DD` for a dated type, the session's day for a La Poste one. */
  get scheduledAt(): string | null {
    const type = this.type;
    if (!type || !type.requiresDate) return null;
    if (type.requiresSession) return this.session ? parisDay(this.session.startsAt) : null;
    return parseDayInput(this.dateText) || null;
  }

  /** R5's field errors of the date or session of the chosen type (none while no type is chosen). */
  errors(now: Date): FieldError[] {
    const type = this.type;
    if (!type) return [];
    const scheduledAt = type.requiresSession ? null : this.scheduledAt;
    return scheduleErrors({ examType: type, scheduledAt, session: type.requiresSession ? this.session : null, now });
  }

  /** The request body (`examType`, `scheduledAt`, `sessionId`, `notify`). */
  params(): AssignmentParams {
    const type = this.type;
    const params: AssignmentParams = { examType: this.examType ?? '', notify: this.notify };
    if (type?.requiresSession && this.session) params.sessionId = this.session.id;
    else if (type?.requiresDate && this.scheduledAt) params.scheduledAt = this.scheduledAt;
    return params;
  }

  choose(examType: string): void {
    if (examType === this.examType) return;
    this.examType = examType;
    if (!this.type?.requiresSession) this.session = null;
    this.#host.requestUpdate();
  }

  setSession(session: ExamSession | null): void {
    this.session = session;
    this.#host.requestUpdate();
  }

  /** Loads the types and the stock again (after a refusal for want of stock, or an assignment). */
  reload(): void {
    void this.task.run();
  }

  reset(): void {
    this.examType = null;
    this.dateText = '';
    this.session = null;
    this.notify = false;
    this.#host.requestUpdate();
  }

  /** The types as radio buttons, then the date or session of the chosen one, then the e-mail option. */
  render(view: ExamChoiceView): TemplateResult {
    const t = view.t.assignDialog;
    const options = this.options;
    const needed = view.needed ?? 1;
    const en = (text: string) => (view.locale === 'fr' ? text : translateMessage(text, view.locale));
    const ruleErrors = view.showErrors ? this.errors(new Date()) : [];
    const fieldError = (path: string) =>
      en(view.serverErrors?.find((e) => e.path === path)?.message ?? ruleErrors.find((e) => e.path === path)?.message ?? '');
    if (options.length === 0 || options.every((o) => this.available(o.type.id) === 0)) {
      return html`
        <div part="notice" class="notice out">
          <p>${t.noStock}</p>
          <button type="button" part="order" class="link" @click=${() => view.onOrder(null)}>${t.order}</button>
        </div>
      `;
    }
    const typeError = view.showErrors && !this.type ? t.chooseTypeFirst : fieldError('examType');
    const chosen = this.type;
    const chosenLevel = chosen ? stockLevel(this.available(chosen.id), view.threshold) : null;
    return html`
      <fieldset part="types" class="types" aria-describedby=${typeError ? 'type-error' : nothing}>
        <legend>${t.chooseType}</legend>
        ${options.map((option) => {
          const id = option.type.id;
          const count = this.available(id);
          const level = stockLevel(count, view.threshold);
          const label = examTypeLabel(id, [option.type], view.locale);
          // French: 0 and 1 take the singular (« 0 restante », « 1 restante »).
          const remaining = count <= 1 ? format(t.remainingOne, { n: count }) : format(t.remaining, { n: count });
          return html`
            <label class="type ${level}">
              <input
                type="radio"
                name="exam-type"
                .value=${id}
                .checked=${this.examType === id}
                ?disabled=${count < needed}
                @change=${() => this.choose(id)}
              />
              <span>${label} <span class="remaining">(${remaining})</span></span>
              ${level === 'low' ? html`<span part="low-stock" class="badge low">${t.lowStock}</span>` : nothing}
              ${level === 'out' ? html`<span part="low-stock" class="badge out">${t.outOfStockBadge}</span>` : nothing}
            </label>
          `;
        })}
        ${typeError ? html`<p id="type-error" class="field-error">${typeError}</p>` : nothing}
      </fieldset>
      ${chosen && chosenLevel === 'low'
        ? html`<div part="notice" class="notice low">
            <p>${format(this.available(chosen.id) === 1 ? t.lowStockOne : t.lowStockMany, { n: this.available(chosen.id), type: examTypeLabel(chosen.id, [chosen], view.locale) })}</p>
            <button type="button" part="order" class="link" @click=${() => view.onOrder(chosen.id)}>${t.order}</button>
          </div>`
        : nothing}
      ${chosen?.requiresSession ? this.#renderSession(view, fieldError('sessionId') || fieldError('scheduledAt')) : nothing}
      ${chosen && chosen.requiresDate && !chosen.requiresSession ? this.#renderDate(view, fieldError('scheduledAt')) : nothing}
      <label class="check">
        <input type="checkbox" part="notify" .checked=${this.notify} @change=${(e: Event) => ((this.notify = (e.target as HTMLInputElement).checked), this.#host.requestUpdate())} />
        <span>${view.notifyLabel}</span>
      </label>
    `;
  }

  #renderDate(view: ExamChoiceView, error: string): TemplateResult {
    const t = view.t.assignDialog;
    const today = parisDay(new Date());
    const parsed = parseDayInput(this.dateText);
    return html`
      <div class="date-field">
        <label for="scheduled-at">${t.date}</label>
        <span class="hint" id="date-hint">${t.dateHint}</span>
        <div class="date-row">
          <input
            id="scheduled-at"
            part="date"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            placeholder=${t.datePlaceholder}
            .value=${this.dateText}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'date-hint date-error' : 'date-hint'}
            @input=${(e: Event) => ((this.dateText = (e.target as HTMLInputElement).value), this.#host.requestUpdate())}
          />
          <button type="button" part="calendar" class="calendar" aria-label=${t.calendar} title=${t.calendar} @click=${(e: Event) => openPicker(e)}>
            ${icons.calendar}
          </button>
          <input
            class="native-date"
            type="date"
            tabindex="-1"
            aria-hidden="true"
            min=${today}
            .value=${/^\d{4}-\d{2}-\d{2}$/.test(parsed) ? parsed : ''}
            @change=${(e: Event) => ((this.dateText = formatDayInput((e.target as HTMLInputElement).value)), this.#host.requestUpdate())}
          />
        </div>
        ${error ? html`<p id="date-error" class="field-error">${error}</p>` : nothing}
      </div>
    `;
  }

  #renderSession(view: ExamChoiceView, error: string): TemplateResult {
    const t = view.t.assignDialog;
    const s = this.session;
    return html`
      <div class="session-field" part="session">
        <p class="label">${t.session}</p>
        ${s
          ? html`<p class="session-summary">
              <strong>${s.city.toLocaleUpperCase(view.locale)} (${s.postcode})</strong><br />
              ${s.centreName} - ${s.address}<br />
              ${sessionTime(s.startsAt, view.locale, view.t.sessionPicker.at)} — ${formatDate(s.startsAt)}
            </p>`
          : html`<p class="hint">${t.noSession}</p>`}
        <button type="button" part="choose-session" aria-describedby=${error ? 'session-error' : nothing} @click=${() => view.onOpenSessions()}>
          ${s ? t.changeSession : t.chooseSession}
        </button>
        ${error ? html`<p id="session-error" class="field-error">${error}</p>` : nothing}
      </div>
    `;
  }
}
