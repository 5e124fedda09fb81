import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationFailedError } from '../../src/index.js';
import { failure, newCandidate, signIn, unique } from './support/scenario.js';

describe('groups (§5)', () => {
  it('creates a group with its name and category; it shows in the table with its date', async () => {
    const admin = await signIn();
    const name = `Session de septembre ${unique()}`;
    const group = await admin.groups.create({ name, category: 'exam_session' });
    expect(group).toMatchObject({ name, category: 'exam_session', hidden: false, memberCount: 0 });
    expect(Date.parse(group.createdAt)).not.toBeNaN();
    expect(await admin.groups.retrieve(group.id)).toEqual(group);
    const page = await admin.groups.list({ q: name });
    expect(page.data.map((g) => g.id)).toEqual([group.id]);
  });

  it('conflict: a group name is unique in the space, whatever its case', async () => {
    const admin = await signIn();
    const name = `Classe ${unique()}`;
    await admin.groups.create({ name, category: 'class' });
    const error = await failure(admin.groups.create({ name: name.toUpperCase(), category: 'class' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'conflict' });
  });

  it('validation_failed: a group needs a name and a category', async () => {
    const admin = await signIn();
    const error = (await failure(admin.groups.create({ name: '  ', category: 'school' as never }))) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors.map((e) => e.path)).toEqual(['name', 'category']);
  });

  it('edits the name and the category (§5.8)', async () => {
    const admin = await signIn();
    const group = await admin.groups.create({ name: `Promo ${unique()}`, category: 'class' });
    const renamed = `Client ${unique()}`;
    expect(await admin.groups.update(group.id, { name: renamed, category: 'client' })).toMatchObject({ name: renamed, category: 'client' });
  });

  it('filters the groups table by category', async () => {
    const admin = await signIn();
    const page = await admin.groups.list({ category: 'exam_session', limit: 200 });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((g) => g.category === 'exam_session')).toBe(true);
  });

  it('R14 a candidate may belong to several groups; associate lists only those not already in the group', async () => {
    const admin = await signIn();
    const family = unique('Assoc');
    const a = await newCandidate(admin, { lastName: `${family}-a` });
    const b = await newCandidate(admin, { lastName: `${family}-b` });
    const first = await admin.groups.create({ name: `Groupe ${unique()}`, category: 'other' });
    const second = await admin.groups.create({ name: `Groupe ${unique()}`, category: 'client' });
    const added = await admin.groups.addMembers(first.id, [a.id]);
    expect(added).toMatchObject({ added: [a.id], alreadyMembers: [], group: { id: first.id, memberCount: 1 } });
    await admin.groups.addMembers(second.id, [a.id]);
    const file = await admin.candidates.retrieve(a.id);
    expect(file.groups.map((g) => g.id).sort()).toEqual([first.id, second.id].sort());
    const associable = await admin.groups.associable(first.id, { q: family });
    expect(associable.data.map((c) => c.id)).toEqual([b.id]);
    const again = await admin.groups.addMembers(first.id, [a.id, b.id]);
    expect(again).toMatchObject({ added: [b.id], alreadyMembers: [a.id], group: { memberCount: 2 } });
    const members = await admin.groups.candidates(first.id);
    expect(members.data.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(members.total).toBe(2);
  });

  it('filters the candidates table by group', async () => {
    const admin = await signIn();
    const group = await admin.groups.create({ name: `Groupe ${unique()}`, category: 'class' });
    const member = await newCandidate(admin);
    await newCandidate(admin);
    await admin.groups.addMembers(group.id, [member.id]);
    const page = await admin.candidates.list({ groupId: group.id });
    expect(page.data.map((c) => c.id)).toEqual([member.id]);
  });

  it('dissociates a candidate from a group (§5.10)', async () => {
    const admin = await signIn();
    const group = await admin.groups.create({ name: `Groupe ${unique()}`, category: 'class' });
    const candidate = await newCandidate(admin);
    await admin.groups.addMembers(group.id, [candidate.id]);
    await admin.groups.removeMember(group.id, candidate.id);
    expect((await admin.candidates.retrieve(candidate.id)).groups).toEqual([]);
    expect(await failure(admin.groups.removeMember(group.id, candidate.id))).toBeInstanceOf(NotFoundError);
  });

  it('not_found: associating a candidate of another space', async () => {
    const demo = await signIn();
    const other = await signIn('otherAdmin');
    const stranger = await newCandidate(other);
    const group = await demo.groups.create({ name: `Groupe ${unique()}`, category: 'class' });
    const error = await failure(demo.groups.addMembers(group.id, [stranger.id]));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((await demo.groups.retrieve(group.id)).memberCount).toBe(0);
  });

  it('R12 hiding a group takes its candidates out of the candidates table unless hidden ones are asked for', async () => {
    const admin = await signIn();
    const family = unique('Cache');
    const inside = await newCandidate(admin, { lastName: `${family}-a` });
    const outside = await newCandidate(admin, { lastName: `${family}-b` });
    const group = await admin.groups.create({ name: `Anciens ${unique()}`, category: 'other' });
    await admin.groups.addMembers(group.id, [inside.id]);
    const hidden = await admin.groups.update(group.id, { hidden: true });
    expect(hidden.hidden).toBe(true);
    const table = await admin.candidates.list({ q: family });
    expect(table.data.map((c) => c.id)).toEqual([outside.id]);
    expect(table.total).toBe(1);
    expect(table.counts.to_assign).toBe(1);
    const withHidden = await admin.candidates.list({ q: family, includeHidden: true });
    expect(withHidden.data.map((c) => c.id).sort()).toEqual([inside.id, outside.id].sort());
    expect((await admin.candidates.retrieve(inside.id)).hidden).toBe(true);
    // The group's own page still shows its members.
    expect((await admin.groups.candidates(group.id)).data.map((c) => c.id)).toEqual([inside.id]);
    await admin.groups.update(group.id, { hidden: false });
    expect((await admin.candidates.list({ q: family })).total).toBe(2);
  });

  it('R12 hidden groups are listed last', async () => {
    const admin = await signIn();
    const group = await admin.groups.create({ name: `AAA ${unique()}`, category: 'other' });
    await admin.groups.update(group.id, { hidden: true });
    const all = await admin.groups.list({ limit: 200 });
    const flags = all.data.map((g) => g.hidden);
    expect(flags).toEqual([...flags].sort((a, b) => Number(a) - Number(b)));
    expect(all.data.at(-1)?.hidden).toBe(true);
  });

  it('R13 deleting a group removes the memberships; the candidates stay', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    const group = await admin.groups.create({ name: `Éphémère ${unique()}`, category: 'client' });
    await admin.groups.addMembers(group.id, [candidate.id]);
    await admin.groups.delete(group.id);
    expect(await failure(admin.groups.retrieve(group.id))).toBeInstanceOf(NotFoundError);
    const file = await admin.candidates.retrieve(candidate.id);
    expect(file.groups).toEqual([]);
    expect((await admin.candidates.list({ q: candidate.email })).data.map((c) => c.id)).toEqual([candidate.id]);
  });

  it('R13 a deleted hidden group no longer hides its candidates', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    const group = await admin.groups.create({ name: `Caché ${unique()}`, category: 'other' });
    await admin.groups.addMembers(group.id, [candidate.id]);
    await admin.groups.update(group.id, { hidden: true });
    expect((await admin.candidates.list({ q: candidate.email })).total).toBe(0);
    await admin.groups.delete(group.id);
    expect((await admin.candidates.list({ q: candidate.email })).total).toBe(1);
  });

  it('pagination: walks every page of the groups table', async () => {
    const admin = await signIn();
    const all = await admin.groups.list({ limit: 200 });
    const walked: string[] = [];
    for await (const g of admin.groups.list({ limit: 3 })) walked.push(g.id);
    expect(walked).toEqual(all.data.map((g) => g.id));
  });
});
