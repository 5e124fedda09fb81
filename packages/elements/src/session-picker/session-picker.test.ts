import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import type { ExamSession } from '@clr/domain';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-session-picker.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { waitUntil } from '../../test/wait.js';
import { freeSeats, groupSessions, sessionTime, type ClrSessionPicker } from './session-picker.js';

async function picker(client: ClrClient, lang = 'fr'): Promise<ClrSessionPicker> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><clr-session-picker .client=${client}></clr-session-picker></div>`);
  const el = wrapper.querySelector('clr-session-picker')!;
  await el.loaded;
  await el.updateComplete;
  return el;
}

function select(el: ClrSessionPicker, part: string): HTMLSelectElement {
  return el.shadowRoot!.querySelector<HTMLSelectElement>(`[part~="${part}"]`)!;
}

async function choose(el: ClrSessionPicker, part: string, index: number): Promise<void> {
  const list = select(el, part);
  list.selectedIndex = index;
  list.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

function button(el: ClrSessionPicker, part: string): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
}

const session = (over: Partial<ExamSession>): ExamSession => ({
  id: 's',
  city: 'Grenoble',
  postcode: '38000',
  centreName: 'Centre La Poste - Grenoble',
  address: '11, boulevard Maréchal Lyautey',
  startsAt: '2030-04-16T07:00:00.000Z',
  seats: 10,
  seatsTaken: 3,
  ...over,
});

describe('<clr-session-picker>', () => {
  before(async () => {
    await expect(await fixture(html`<p>Chargement…</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('the three lists of the manual', () => {
    it('groups the sessions by city, then centre, soonest first', () => {
      const cities = groupSessions([
        session({ id: 'b', startsAt: '2030-05-01T07:00:00Z' }),
        session({ id: 'a', startsAt: '2030-04-01T07:00:00Z' }),
        session({ id: 'l', city: 'Lyon', postcode: '69002', centreName: 'Centre La Poste - Lyon' }),
      ]);
      expect(cities.map((c) => c.city)).to.deep.equal(['Grenoble', 'Lyon']);
      expect(cities[0]!.centres[0]!.sessions.map((s) => s.id)).to.deep.equal(['a', 'b']);
    });

    it('writes the time as the manual does, in Paris time: « Mardi 16 avril 2030 - 09 h 00 »', () => {
      expect(sessionTime('2030-04-16T07:00:00.000Z', 'fr', '{day} - {hour} h {minute}')).to.equal('Mardi 16 avril 2030 - 09 h 00');
      expect(sessionTime('2030-04-16T07:00:00.000Z', 'en', '{day} - {hour}:{minute}')).to.equal('Tuesday 16 April 2030 - 09:00');
      expect(freeSeats({ seats: 6, seatsTaken: 6 })).to.equal(0);
    });
  });

  describe('accessibility', () => {
    it('is accessible with nothing chosen, and once a session is chosen', async () => {
      const { client } = await startMocks();
      const el = await picker(client);
      await expect(el).to.be.accessible();
      await choose(el, 'city', 1);
      await choose(el, 'centre', 1);
      await choose(el, 'time', 1);
      await expect(el).to.be.accessible();
    });

    it('is accessible while loading, and says so', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/exam-sessions', () => delay('infinite')));
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><clr-session-picker .client=${client}></clr-session-picker></div>`);
      const el = wrapper.querySelector('clr-session-picker')!;
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Chargement…'));
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('« Ville » → « Centre d’examen » → « Date et horaire de passage » with the remaining seats; « Sélectionner la session » once all three are chosen', async () => {
      const { client } = await startMocks();
      const el = await picker(client);
      expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Sélection d’une session de passage dans un centre La Poste');
      expect(select(el, 'centre').disabled).to.equal(true);
      expect(button(el, 'select').disabled).to.equal(true);
      const cities = [...select(el, 'city').options].map((o) => o.textContent!.trim());
      expect(cities[0]).to.equal('Choisissez une ville');
      expect(cities.slice(1).every((c) => /^[A-ZÉÈ' -]+ \(\d{5}\)$/.test(c))).to.equal(true);
      await choose(el, 'city', 1);
      expect(select(el, 'centre').disabled).to.equal(false);
      if (select(el, 'centre').options.length > 2) await choose(el, 'centre', 1);
      expect(select(el, 'time').disabled).to.equal(false);
      const times = [...select(el, 'time').options].slice(1).map((o) => o.textContent!.trim());
      expect(times[0]).to.match(/^[A-Z][a-zé]+ \d{1,2} [a-zéû]+ \d{4} - \d{2} h \d{2} \(\d+ places? restantes?\)$/);
      await choose(el, 'time', 1);
      expect(button(el, 'select').disabled).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part~="seats"]')!.textContent).to.match(/\d+ places? restantes?/);
    });

    it('does not offer a session with fewer free seats than needed', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/exam-sessions', () => HttpResponse.json({ data: [session({ id: 'few', seats: 6, seatsTaken: 4 })], nextCursor: null, total: 1 })));
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><clr-session-picker .client=${client} needed="3"></clr-session-picker></div>`);
      const el = wrapper.querySelector('clr-session-picker')!;
      await waitUntil(() => select(el, 'time'));
      // One city and one centre: chosen for the administrator.
      expect(select(el, 'time').disabled).to.equal(false);
      expect(select(el, 'time').options[1]!.disabled).to.equal(true);
      expect(select(el, 'time').options[1]!.textContent).to.contain('2 places restantes');
    });

    it('says so when no session to come has a free seat', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/exam-sessions', () => HttpResponse.json({ data: [], nextCursor: null, total: 0 })));
      const el = await picker(client);
      expect(el.shadowRoot!.textContent).to.contain('Aucune session à venir n’a de place libre dans les centres La Poste.');
      expect(button(el, 'select').disabled).to.equal(true);
    });

    it('speaks English under lang="en"', async () => {
      const { client } = await startMocks();
      const el = await picker(client, 'en');
      expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Choose a session at a La Poste centre');
      expect(button(el, 'select').textContent!.trim()).to.equal('Select the session');
      await choose(el, 'city', 1);
      if (select(el, 'centre').options.length > 2) await choose(el, 'centre', 1);
      expect(select(el, 'time').options[1]!.textContent).to.match(/[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} - \d{2}:\d{2} \(\d+ seats? left\)/);
    });
  });

  describe('events', () => {
    it('fires clr-session-select with the session chosen, and clr-session-back on « Retour »', async () => {
      const { client } = await startMocks();
      const el = await picker(client);
      await choose(el, 'city', 1);
      if (select(el, 'centre').options.length > 2) await choose(el, 'centre', 1);
      await choose(el, 'time', 1);
      const id = select(el, 'time').value;
      setTimeout(() => button(el, 'select').click());
      const chosen = await oneEvent(el, 'clr-session-select');
      expect(chosen.detail.session.id).to.equal(id);
      setTimeout(() => button(el, 'back').click());
      await oneEvent(el, 'clr-session-back');
    });

    it('is driven by the keyboard: Tab from list to list, arrows to choose, Enter on « Sélectionner la session »', async () => {
      const { client } = await startMocks();
      const el = await picker(client);
      el.focus();
      expect(el.shadowRoot!.activeElement === select(el, 'city'), 'where the focus is').to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(select(el, 'city').selectedIndex).to.equal(1);
      await sendKeys({ press: 'Tab' });
      if (select(el, 'centre').options.length > 2) {
        await sendKeys({ press: 'ArrowDown' });
        await el.updateComplete;
      }
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === select(el, 'time'), 'where the focus is').to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === button(el, 'select'), 'where the focus is').to.equal(true);
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const chosen = await oneEvent(el, 'clr-session-select');
      expect(chosen.detail.session.city).to.be.a('string');
    });
  });
});
