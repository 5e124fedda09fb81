import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-candidates-table.js';
import type { ClrCandidatesTable } from './candidates-table.js';
import { waitUntil } from '../../test/wait.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import '../../test/virtualizer-noise.js';


const parts = <T extends Element = HTMLElement>(el: ClrCandidatesTable, name: string) => [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];

async function mountGroup(client: ClrClient): Promise<{ el: ClrCandidatesTable; groupId: string }> {
  const group = (await client.groups.list()).data.find((g) => g.name === 'Session de septembre')!;
  const holder = await fixture<HTMLElement>(
    html`<div><clr-candidates-table style="--clr-candidates-table-height: 80rem" .client=${client} group-id=${group.id}></clr-candidates-table></div>`,
  );
  const el = holder.querySelector('clr-candidates-table')!;
  await waitUntil(() => el.totalCount !== null && parts(el, 'row').length === el.loadedRows.length, 'the group view did not load');
  return { el, groupId: group.id };
}

describe('<clr-candidates-table> group view (§5.10)', () => {
  before(async () => {
    await startMocks();
    await expect(await fixture(html`<p>Chargement…</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  it('offers « Dissocier » on each row instead of « Supprimer », named after the candidate, and stays accessible', async () => {
    const { client } = await startMocks();
    const { el } = await mountGroup(client);
    expect(parts(el, 'delete-button')).to.have.length(0);
    const buttons = parts(el, 'dissociate-button');
    expect(buttons).to.have.length(el.loadedRows.length);
    expect(buttons[0]!.getAttribute('aria-label')).to.match(/^Dissocier .+ du groupe$/);
    await expect(el).to.be.accessible();
  });

  it('a page that prevents clr-candidate-dissociate confirms first; dissociateCandidate() then removes the row, the candidate stays', async () => {
    const { client } = await startMocks();
    const { el, groupId } = await mountGroup(client);
    const before = el.totalCount!;
    const first = el.loadedRows[0]!;
    el.addEventListener('clr-candidate-dissociate', (e) => e.preventDefault());
    const asked = oneEvent(el, 'clr-candidate-dissociate');
    parts(el, 'dissociate-button')[0]!.click();
    const event = await asked;
    expect(event.detail).to.deep.include({ candidateId: first.id, groupId });
    expect(el.totalCount).to.equal(before);
    expect(await el.dissociateCandidate(first.id)).to.equal(true);
    await waitUntil(() => el.totalCount === before - 1);
    expect(el.loadedRows.some((r) => r.id === first.id)).to.equal(false);
    expect(parts(el, 'notice')[0]!.textContent).to.contain('a été dissocié du groupe');
    const file = await client.candidates.retrieve(first.id);
    expect(file.groups.some((g) => g.id === groupId)).to.equal(false);
  });

  it('Enter on the actions cell asks to dissociate that row', async () => {
    const { client } = await startMocks();
    const { el } = await mountGroup(client);
    el.addEventListener('clr-candidate-dissociate', (e) => e.preventDefault());
    const cell = el.shadowRoot!.querySelector<HTMLElement>('[data-row="0"][data-col="8"]')!;
    cell.focus();
    const asked = oneEvent(el, 'clr-candidate-dissociate');
    await sendKeys({ press: 'Enter' });
    expect((await asked).detail.candidateId).to.equal(el.loadedRows[0]!.id);
  });
});
