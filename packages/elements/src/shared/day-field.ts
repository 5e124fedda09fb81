import { html, nothing, css, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatDayInput, parseDayInput } from '@clr/domain';
import { format } from '../translations/index.js';
import { icons } from './icons.js';

/** The words of a date field, from the element's catalogue (`common`). */
export interface DayFieldText {
  datePlaceholder: string;
  /** « Choisir la date dans le calendrier : {label} ». */
  pickDate: string;
  dateInvalid: string;
}

export interface DayFieldOptions {
  /** The filter's name (`from`, `to`): the text field's `name`, and the key of its invalid state. */
  name: string;
  /** The day shown, `YYYY-MM-DD` (or empty). */
  value: string | undefined;
  /** The visible label's words: the field's accessible name (the calendar button's words stay out of it). */
  label: string;
  /** Bounds of the calendar, `YYYY-MM-DD`. */
  min?: string | undefined;
  max?: string | undefined;
  /** The `part` of the text field (default `filter`). */
  part?: string;
  id?: string;
  /** Another message shown beside the field (a reversed period): marks it invalid and describes it. */
  errorId?: string | undefined;
  text: DayFieldText;
  /** A day was typed or picked (`YYYY-MM-DD`), or the field was emptied (`''`). Not called for text that is not a date. */
  onChange(day: string): void;
}

/**
 * Date fields typed `jj/mm/aaaa` whatever the browser's locale (UI.md: the
 * native date input shows mm/dd/yyyy in an English browser), with a calendar
 * button opening the native picker. A day is taken as soon as it is whole
 * (`07/06/2019`); text that is still not a date when the field is left or Enter
 * is pressed is refused beside the field
 * (« Saisissez une date au format jj/mm/aaaa. ») and the list keeps its last
 * result. The controller remembers which fields hold such text.
 */
export class DayFieldsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #invalid = new Set<string>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether any field holds text that is not a date. */
  get hasInvalid(): boolean {
    return this.#invalid.size > 0;
  }

  /** Forgets refused text (« Réinitialiser les filtres »). */
  reset(): void {
    if (this.#invalid.size === 0) return;
    this.#invalid.clear();
    this.#host.requestUpdate();
  }

  render(o: DayFieldOptions): TemplateResult {
    const invalid = this.#invalid.has(o.name);
    const errorId = `${o.id ?? `day-${o.name}`}-invalid`;
    const describedBy = [invalid ? errorId : '', o.errorId ?? ''].filter(Boolean).join(' ');
    const commit = (input: HTMLInputElement) => {
      const typed = input.value.trim();
      const day = typed === '' ? '' : parseDayInput(typed);
      const valid = day === '' || /^\d{4}-\d{2}-\d{2}$/.test(day);
      if (valid !== !this.#invalid.has(o.name)) {
        if (valid) this.#invalid.delete(o.name);
        else this.#invalid.add(o.name);
        this.#host.requestUpdate();
      }
      if (valid && day !== (o.value ?? '')) o.onChange(day);
      if (valid) input.value = formatDayInput(day);
    };
    return html`<span class="day-field">
        <input
          type="text"
          part=${o.part ?? 'filter'}
          id=${o.id ?? nothing}
          name=${o.name}
          inputmode="numeric"
          autocomplete="off"
          placeholder=${o.text.datePlaceholder}
          aria-label=${o.label}
          aria-invalid=${invalid || o.errorId ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          .value=${formatDayInput(o.value)}
          @input=${(e: Event) => {
            // A whole day typed (or the field emptied) is taken at once, as the native input does; a part of one waits.
            const typed = (e.target as HTMLInputElement).value.trim();
            const day = typed === '' ? '' : parseDayInput(typed);
            if (day !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
            if (this.#invalid.delete(o.name)) this.#host.requestUpdate();
            if (day !== (o.value ?? '')) o.onChange(day);
          }}
          @change=${(e: Event) => commit(e.target as HTMLInputElement)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && commit(e.target as HTMLInputElement)}
        />
        <button type="button" class="day-calendar" part="calendar" aria-label=${format(o.text.pickDate, { label: o.label })} title=${format(o.text.pickDate, { label: o.label })} @click=${openPicker}>
          ${icons.calendar}
        </button>
        <input
          type="date"
          class="day-picker"
          tabindex="-1"
          aria-hidden="true"
          min=${o.min ?? nothing}
          max=${o.max ?? nothing}
          .value=${o.value ?? ''}
          @change=${(e: Event) => {
            const day = (e.target as HTMLInputElement).value;
            this.#invalid.delete(o.name);
            this.#host.requestUpdate();
            if (day !== (o.value ?? '')) o.onChange(day);
          }}
        /> </span
      >${invalid ? html`<span part="field-error" class="field-error" id=${errorId} role="alert">${o.text.dateInvalid}</span>` : nothing}`;
  }
}

/** A calendar button opens the native picker of the hidden date input right after it (every date field of the library). */
export function openPicker(event: Event): void {
  const picker = (event.currentTarget as HTMLElement).nextElementSibling as HTMLInputElement | null;
  try {
    picker?.showPicker();
  } catch {
    picker?.focus();
  }
}

/** The look of a date field: the text field and its calendar button side by side. */
export const dayFieldStyles = css`
  .day-field {
    position: relative;
    display: inline-flex;
    gap: calc(var(--_space) * 0.25);
    align-items: stretch;
  }
  .day-field input[type='text'] {
    width: 8.5rem;
    min-width: 0;
  }
  .day-calendar {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.25rem;
    padding: 0;
  }
  .day-picker {
    position: absolute;
    inset-inline-end: 0;
    bottom: 0;
    width: 1px;
    height: 1px;
    opacity: 0;
    pointer-events: none;
    border: 0;
    padding: 0;
  }
`;
