import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { LIMIT_MAX, PARIS, type ExamSession, type Locale } from '@clr/domain';
import { ClrElement } from '../shared/clr-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import { ClrSessionBackEvent, ClrSessionSelectEvent } from './session-picker.events.js';
import { styles } from './session-picker.styles.js';

/** A city of the picker: « GRENOBLE (38000) », its centres in name order. */
export interface SessionCity {
  key: string;
  city: string;
  postcode: string;
  centres: SessionCentre[];
}

/** A centre of a city: « Centre La Poste - Grenoble - 11, boulevard … », its sessions soonest first. */
export interface SessionCentre {
  key: string;
  name: string;
  address: string;
  sessions: ExamSession[];
}

/** Free seats of a session (never below 0). */
export function freeSeats(session: Pick<ExamSession, 'seats' | 'seatsTaken'>): number {
  return Math.max(0, session.seats - session.seatsTaken);
}

const cityKey = (s: ExamSession) => `${s.city.toLocaleUpperCase('fr-FR')}|${s.postcode}`;
const centreKey = (s: ExamSession) => `${s.centreName}|${s.address}`;

/** The sessions as the three lists of the manual: Ville → Centre d'examen → Date et horaire, each in order. */
export function groupSessions(sessions: readonly ExamSession[]): SessionCity[] {
  const cities = new Map<string, SessionCity>();
  for (const session of [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const ck = cityKey(session);
    let city = cities.get(ck);
    if (!city) {
      city = { key: ck, city: session.city, postcode: session.postcode, centres: [] };
      cities.set(ck, city);
    }
    const nk = centreKey(session);
    let centre = city.centres.find((c) => c.key === nk);
    if (!centre) {
      centre = { key: nk, name: session.centreName, address: session.address, sessions: [] };
      city.centres.push(centre);
    }
    centre.sessions.push(session);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' });
  const out = [...cities.values()].sort((a, b) => byName(a.city, b.city) || byName(a.postcode, b.postcode));
  for (const city of out) city.centres.sort((a, b) => byName(a.name, b.name) || byName(a.address, b.address));
  return out;
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** « Mardi 17 avril 2018 - 09 h 00 » (Paris time), « Tuesday 17 April 2018 - 09:00 » in English. */
export function sessionTime(startsAt: string, locale: Locale, template: string): string {
  let days = dayFormats.get(locale);
  if (!days) {
    days = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone: PARIS, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    dayFormats.set(locale, days);
  }
  const date = new Date(startsAt);
  const day = days.format(date).replace(',', '');
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return format(template, { day: day.charAt(0).toLocaleUpperCase(locale) + day.slice(1), hour: parts['hour'] ?? '', minute: parts['minute'] ?? '' });
}

/**
 * « Sélection d'une session de passage dans un centre La Poste » (manual
 * §6.5): « Ville » → « Centre d'examen » → « Date et horaire de passage »
 * (each session with its remaining seats), then « Sélectionner la session »
 * or « Retour ». Only sessions to come with a free seat are offered (the API
 * lists no other); the seat itself is taken by the assignment, which refuses
 * a session filled meanwhile. A step of `<clr-assign-dialog>` and
 * `<clr-bulk-assignments-dialog>`, usable alone.
 *
 * @summary The La Poste session picker of the assignment dialogs.
 *
 * @fires clr-session-select - `ClrSessionSelectEvent`: « Sélectionner la session »; `detail: { session }`.
 * @fires clr-session-back - `ClrSessionBackEvent`: « Retour ».
 *
 * @csspart title - The heading.
 * @csspart city - The « Ville » list.
 * @csspart centre - The « Centre d'examen » list.
 * @csspart time - The « Date et horaire de passage » list.
 * @csspart seats - The remaining seats of the chosen session.
 * @csspart footer - « Retour » and « Sélectionner la session ».
 * @csspart back - « Retour ».
 * @csspart select - « Sélectionner la session ».
 * @csspart status - Loading and empty messages.
 * @csspart error - An error message (role alert).
 */
export class ClrSessionPicker extends ClrElement {
  static override styles = [tokens, styles];
  static override shadowRootOptions: ShadowRootInit = { ...ClrElement.shadowRootOptions, delegatesFocus: true };

  /** The exam type the sessions are for. */
  @property({ attribute: 'exam-type' })
  examType = 'official-laposte';

  /** The session chosen before (shown selected when the picker opens again), or null. */
  @property({ attribute: false })
  value: ExamSession | null = null;

  /** Seats the assignment needs (a bulk assignment: one per candidate); sessions with fewer are not selectable. */
  @property({ type: Number })
  needed = 1;

  /** The heading level of the title (2 inside a dialog whose title is the picker's, 3 below another heading). */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel: 2 | 3 = 3;

  @state()
  protected city = '';

  @state()
  protected centre = '';

  @state()
  protected sessionId = '';

  #sessions = new Task(this, {
    task: async ([api, examType], { signal }) => {
      if (!api) return null;
      const list = await api.examSessions.list({ examType, limit: LIMIT_MAX }, { signal });
      return groupSessions(list.data);
    },
    args: () => [this.api, this.examType] as const,
  });

  /** Asks the server again (seats change as others assign). */
  refresh(): void {
    void this.#sessions.run();
  }

  /** Settles once the sessions are loaded (or failed). */
  get loaded(): Promise<unknown> {
    return this.#sessions.taskComplete.catch(() => undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value') && this.value) {
      this.city = cityKey(this.value);
      this.centre = centreKey(this.value);
      this.sessionId = this.value.id;
    }
  }

  /** The city, centre and session chosen, as far as they still exist in the list. */
  #chosen(cities: readonly SessionCity[]) {
    const city = cities.find((c) => c.key === this.city) ?? (cities.length === 1 ? cities[0] : undefined);
    const centre = city?.centres.find((c) => c.key === this.centre) ?? (city?.centres.length === 1 ? city.centres[0] : undefined);
    const session = centre?.sessions.find((s) => s.id === this.sessionId) ?? null;
    return { city, centre, session };
  }

  #select(cities: readonly SessionCity[]): void {
    const { session } = this.#chosen(cities);
    if (session && freeSeats(session) >= this.needed) this.dispatchEvent(new ClrSessionSelectEvent({ session }));
  }

  override render(): TemplateResult {
    const t = this.t.sessionPicker;
    const title = this.headingLevel === 2 ? html`<h2 part="title">${t.title}</h2>` : html`<h3 part="title">${t.title}</h3>`;
    return html`
      ${title}
      ${this.#sessions.render({
        initial: () => html`<p part="status" class="status" role="status">${this.api ? this.t.common.loading : this.t.common.noClient}</p>`,
        pending: () => html`<p part="status" class="status" role="status">${this.t.common.loading}</p>`,
        complete: (cities) => (cities ? this.#renderLists(cities) : nothing),
        error: (error) => html`
          <div part="error" class="alert" role="alert"><p>${this.describeError(error).message}</p></div>
          <button type="button" @click=${() => this.refresh()}>${this.t.common.retry}</button>
        `,
      })}
      ${this.#sessions.value ? nothing : this.#renderFooter(null)}
    `;
  }

  #renderLists(cities: SessionCity[]): TemplateResult {
    const t = this.t.sessionPicker;
    if (cities.length === 0) {
      return html`<p part="status" class="status" role="status">${t.empty}</p>${this.#renderFooter(null)}`;
    }
    const { city, centre, session } = this.#chosen(cities);
    const seatsText = (s: ExamSession) => {
      const n = freeSeats(s);
      return n === 1 ? t.seatsOne : format(t.seats, { n });
    };
    const short = session !== null && freeSeats(session) < this.needed;
    return html`
      <p>${t.intro}</p>
      <div class="fields">
        <div class="field">
          <label for="city">${t.city}</label>
          <select
            id="city"
            part="city"
            autofocus
            @change=${(e: Event) => {
              this.city = (e.target as HTMLSelectElement).value;
              this.centre = '';
              this.sessionId = '';
            }}
          >
            <option value="" ?selected=${!city}>${t.chooseCity}</option>
            ${cities.map((c) => html`<option value=${c.key} ?selected=${c === city}>${c.city.toLocaleUpperCase(this.locale)} (${c.postcode})</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="centre">${t.centre}</label>
          <select
            id="centre"
            part="centre"
            ?disabled=${!city}
            aria-describedby=${city ? nothing : 'centre-hint'}
            @change=${(e: Event) => {
              this.centre = (e.target as HTMLSelectElement).value;
              this.sessionId = '';
            }}
          >
            <option value="" ?selected=${!centre}>${t.chooseCentre}</option>
            ${(city?.centres ?? []).map((c) => html`<option value=${c.key} ?selected=${c === centre}>${c.name} - ${c.address}</option>`)}
          </select>
          ${city ? nothing : html`<span id="centre-hint" class="hint">${t.cityFirst}</span>`}
        </div>
        <div class="field">
          <label for="time">${t.time}</label>
          <select
            id="time"
            part="time"
            ?disabled=${!centre}
            aria-describedby=${centre ? 'seats' : 'time-hint'}
            @change=${(e: Event) => (this.sessionId = (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!session}>${t.chooseTime}</option>
            ${(centre?.sessions ?? []).map(
              (s) => html`<option value=${s.id} ?selected=${s === session} ?disabled=${freeSeats(s) < this.needed}>
                ${sessionTime(s.startsAt, this.locale, t.at)} (${seatsText(s)})
              </option>`,
            )}
          </select>
          ${centre ? nothing : html`<span id="time-hint" class="hint">${t.centreFirst}</span>`}
        </div>
      </div>
      <p part="seats" id="seats" class=${short ? 'seats error' : 'seats'} aria-live="polite">
        ${session ? (short ? format(t.notEnoughSeats, { n: freeSeats(session), needed: this.needed }) : seatsText(session)) : ''}
      </p>
      ${this.#renderFooter(cities)}
    `;
  }

  #renderFooter(cities: SessionCity[] | null): TemplateResult {
    const t = this.t.sessionPicker;
    const session = cities ? this.#chosen(cities).session : null;
    const ready = session !== null && freeSeats(session) >= this.needed;
    return html`
      <div part="footer" class="footer">
        ${ready || !cities || cities.length === 0 ? nothing : html`<p class="hint" id="select-hint">${t.chooseFirst}</p>`}
        <button type="button" part="back" @click=${() => this.dispatchEvent(new ClrSessionBackEvent())}>${t.back}</button>
        <button
          type="button"
          part="select"
          class="primary"
          ?disabled=${!ready}
          aria-describedby=${ready || !cities || cities.length === 0 ? nothing : 'select-hint'}
          @click=${() => cities && this.#select(cities)}
        >
          ${t.select}
        </button>
      </div>
    `;
  }
}
