/**
 * R9 in the mocks: the in-memory unit of work the application layer's use
 * cases run in. A unit of work that fails leaves the store as it was (every
 * write taken back, as a rolled-back transaction); one that lost a race runs
 * again on fresh data; two requests never interleave.
 */
import { describe, expect, it } from 'vitest';
import { LostRace } from '@clr/app';
import { DomainError } from '@clr/domain';
import { memoryUnitOfWork } from '../src/adapters/memory.js';
import { createStore } from '../src/index.js';

function demo() {
  const store = createStore({ state: 'demo' });
  const spaceId = store.state.spaces.find((s) => s.name === 'Démo')!.id;
  const now = store.now();
  const lot = store.state.lots.find((l) => l.spaceId === spaceId && l.remaining > 1 && Date.parse(l.expiresAt) > now.getTime())!;
  const candidate = store.state.candidates.find((c) => c.spaceId === spaceId)!;
  return { store, spaceId, now, lot, candidate };
}

describe('the in-memory unit of work', () => {
  it('takes back every write of a unit of work that fails: credits, assignments, mails', async () => {
    const { store, spaceId, now, lot, candidate } = demo();
    const before = { remaining: lot.remaining, assignments: store.state.assignments.length, mails: store.state.mails.length };
    const failing = memoryUnitOfWork(store).run(async (tx) => {
      expect(await tx.stock.consume(lot.id, 1, now)).toBe(true);
      await tx.assignments.create(spaceId, {
        candidateId: candidate.id,
        examType: lot.examType,
        lotId: lot.id,
        scheduledAt: null,
        sessionId: null,
        deadline: new Date(now.getTime() + 86_400_000).toISOString(),
        activationCode: null,
        takenAt: null,
        createdAt: now.toISOString(),
      });
      await tx.outbox.enqueue({ template: 'candidate.assignment', to: candidate.email, subject: 'Inscription', text: 'Bonjour' });
      throw new DomainError('conflict', 'Plus aucune place dans cette session.');
    });
    await expect(failing).rejects.toMatchObject({ code: 'conflict' });
    expect({ remaining: lot.remaining, assignments: store.state.assignments.length, mails: store.state.mails.length }).toEqual(before);
  });

  it('refuses to take more credits than a lot holds, and gives none back above its quantity', async () => {
    const { store, now, lot } = demo();
    const remaining = lot.remaining;
    await memoryUnitOfWork(store).run(async (tx) => {
      expect(await tx.stock.consume(lot.id, remaining + 1, now)).toBe(false);
      expect(await tx.stock.consume(lot.id, remaining, now)).toBe(true);
      expect(await tx.stock.consume(lot.id, 1, now)).toBe(false);
    });
    expect(lot.remaining).toBe(0);
    lot.remaining = lot.quantity;
    expect(await memoryUnitOfWork(store).run((tx) => tx.stock.giveBack(lot.id, now))).toBe(false);
  });

  it('runs a unit of work again when it lost a race, and lets the refusal stand after the last round', async () => {
    const { store } = demo();
    let rounds = 0;
    const won = await memoryUnitOfWork(store).run(async () => {
      rounds += 1;
      if (rounds < 3) throw new LostRace(new DomainError('out_of_stock', 'Plus aucune certification en stock.'));
      return 'assigned';
    });
    expect({ won, rounds }).toEqual({ won: 'assigned', rounds: 3 });
    const lost = memoryUnitOfWork(store).run(async () => {
      throw new LostRace(new DomainError('out_of_stock', 'Plus aucune certification en stock.'));
    });
    await expect(lost).rejects.toMatchObject({ code: 'out_of_stock', message: 'Plus aucune certification en stock.' });
  });

  it('runs two units of work on one store one after the other, never interleaved', async () => {
    const { store } = demo();
    const steps: string[] = [];
    const uow = memoryUnitOfWork(store);
    const work = (name: string) => async () => {
      steps.push(`${name} starts`);
      await Promise.resolve();
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      steps.push(`${name} ends`);
    };
    await Promise.all([uow.run(work('first')), memoryUnitOfWork(store).run(work('second'))]);
    expect(steps).toEqual(['first starts', 'first ends', 'second starts', 'second ends']);
  });
});
