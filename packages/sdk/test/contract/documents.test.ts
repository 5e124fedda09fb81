import { formatDate } from '@clr/domain';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { NotEligibleError, NotFoundError, type ClrFile } from '../../src/index.js';
import { ensureCredits, examPlatform, failure, newCandidate, parisToday, signIn, takeExam, unique } from './support/scenario.js';

/** The lines of a CSV export (R20): BOM checked and dropped, split on CRLF and « ; ». */
async function csv(file: ClrFile): Promise<string[][]> {
  expect(file.contentType).toMatch(/^text\/csv/);
  const text = await file.text();
  expect(text.startsWith('\ufeff')).toBe(true);
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

describe('exports as displayed (R20)', () => {
  it('R20 exports the candidates table with its filters, French headers and dates dd/mm/yyyy', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-onsite', 1);
    const family = unique('Export');
    const dated = await newCandidate(admin, { lastName: `${family}-a` });
    await newCandidate(admin, { lastName: `${family}-b` });
    await admin.assignments.assign(dated.id, { examType: 'blank-onsite', scheduledAt: parisToday(9) });
    const [header, ...rows] = await csv(await admin.candidates.exportCsv({ q: family, status: 'scheduled' }));
    expect(header).toContain('Date de passage');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(dated.email);
    expect(rows[0]).toContain(formatDate(parisToday(9)));
  });

  it('R20 R12 leaves hidden candidates out of the export, as out of the table', async () => {
    const admin = await signIn();
    const family = unique('Masque');
    const hidden = await newCandidate(admin, { lastName: `${family}-a` });
    const shown = await newCandidate(admin, { lastName: `${family}-b` });
    const group = await admin.groups.create({ name: `Caché ${unique()}`, category: 'other' });
    await admin.groups.addMembers(group.id, [hidden.id]);
    await admin.groups.update(group.id, { hidden: true });
    const [, ...rows] = await csv(await admin.candidates.exportCsv({ q: family }));
    expect(rows.map((r) => r.find((cell) => cell.includes('@')))).toEqual([shown.email]);
  });

  it('R20 neutralises a cell that would start a formula', async () => {
    const admin = await signIn();
    const token = unique('formule');
    await admin.groups.create({ name: `=HYPERLINK("http://x") ${token}`, category: 'other' });
    const [, ...rows] = await csv(await admin.groups.exportCsv({ q: token }));
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]!.replace(/^"/, '').startsWith('=')).toBe(false);
    expect(rows[0]![0]).toContain(token);
  });

  it('R20 exports the groups table and a group’s candidates', async () => {
    const admin = await signIn();
    const group = await admin.groups.create({ name: `Promo ${unique()}`, category: 'class' });
    const member = await newCandidate(admin);
    await admin.groups.addMembers(group.id, [member.id]);
    const [groupsHeader, ...groups] = await csv(await admin.groups.exportCsv({ q: group.name }));
    expect(groupsHeader).toEqual(['Nom', 'Catégorie', 'Date de création', 'Statut']);
    expect(groups).toEqual([[group.name, 'Classe', formatDate(group.createdAt), expect.any(String)]]);
    const [, ...members] = await csv(await admin.groups.exportCandidatesCsv(group.id));
    expect(members).toHaveLength(1);
    expect(members[0]).toContain(member.email);
  });

  it('R15 R20 exports the activation codes of the chosen candidates', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-onsite', 1);
    const candidate = await newCandidate(admin);
    const assignment = await admin.assignments.assign(candidate.id, { examType: 'blank-onsite', scheduledAt: parisToday(3) });
    const [header, ...rows] = await csv(await admin.codes.exportCsv({ candidateIds: [candidate.id] }));
    expect(header).toEqual(['Nom', 'Prénom', 'Courriel', 'Statut', 'Date de passage', 'Code']);
    expect(rows).toEqual([[candidate.lastName, candidate.firstName, candidate.email, 'Prévue', formatDate(parisToday(3)), assignment.activationCode]]);
  });
});

describe('documents (§6.10–6.12, R18)', () => {
  it('R18 lists the candidates whose detailed report exists and merges their reports into one PDF', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 2);
    const family = unique('Bilan');
    const a = await newCandidate(admin, { lastName: `${family}-a` });
    const b = await newCandidate(admin, { lastName: `${family}-b` });
    for (const c of [a, b]) {
      await admin.assignments.assign(c.id, { examType: 'blank-remote' });
      await takeExam(c.id, admin, 650);
    }
    const eligible = await admin.documents.eligible('report', { q: family });
    expect(eligible.data.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    const pdf = await admin.documents.download('report', [a.id, b.id]);
    expect(pdf.contentType).toMatch(/^application\/pdf/);
    expect(new TextDecoder().decode((await pdf.bytes()).slice(0, 5))).toBe('%PDF-');
  });

  it('R18 gives the same documents as a ZIP of one PDF per candidate, named after each, with { format: "zip" }', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 2);
    const family = unique('Zip');
    const a = await newCandidate(admin, { lastName: `${family}-a` });
    const b = await newCandidate(admin, { lastName: `${family}-b` });
    for (const c of [a, b]) {
      await admin.assignments.assign(c.id, { examType: 'blank-remote' });
      await takeExam(c.id, admin, 640);
    }
    const zip = await admin.documents.download('report', [b.id, a.id], { format: 'zip' });
    expect(zip.contentType).toMatch(/^application\/zip/);
    expect(zip.filename).toMatch(/^bilans-detailles-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(await zip.bytes());
    const part = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    expect(Object.keys(files)).toEqual(
      [b, a].map((c) => `bilan-detaille_${part(c.lastName).toUpperCase()}_${part(c.firstName)}.pdf`),
    );
    for (const pdf of Object.values(files)) expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
  });

  it('R18 not_eligible: refuses the merged PDF when a chosen candidate has no such document, naming them', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const done = await newCandidate(admin);
    await admin.assignments.assign(done.id, { examType: 'blank-remote' });
    await takeExam(done.id, admin, 700);
    const waiting = await newCandidate(admin);
    const error = (await failure(admin.documents.download('report', [done.id, waiting.id]))) as NotEligibleError;
    expect(error).toBeInstanceOf(NotEligibleError);
    expect(error.candidateIds).toEqual([waiting.id]);
  });

  it('R18 the registration certificate of a candidate registered for an exam of a type that gives it', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'official-approved', 1);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'official-approved', scheduledAt: parisToday(6) });
    expect((await admin.documents.eligible('registration', { q: candidate.email })).data.map((c) => c.id)).toEqual([candidate.id]);
    expect((await admin.documents.eligible('attendance', { q: candidate.email })).total).toBe(0);
    const pdf = await admin.documents.download('registration', [candidate.id]);
    expect(pdf.size).toBeGreaterThan(1000);
  });
});

describe('public verification (R17)', () => {
  it('R17 shows a validated result by its public code: type, score, dates, name — nothing else', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    await takeExam(candidate.id, admin, 617);
    const attempt = (await admin.attempts.list(candidate.id)).data[0]!;
    const view = await examPlatform().public.verify(attempt.publicCode!);
    expect(view).toEqual({
      examTypeLabel: 'Examen blanc - à distance',
      score: 617,
      takenAt: parisToday(),
      validUntil: attempt.validUntil,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
    });
  });

  it('R17 not_found: a result waiting for validation is not shown', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-manual', 1);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-manual' });
    await takeExam(candidate.id, admin, 500);
    const attempt = (await admin.attempts.list(candidate.id)).data[0]!;
    // Either it has no public code yet, or its code shows nothing.
    const shown = attempt.publicCode
      ? await examPlatform().public.verify(attempt.publicCode).then(() => true, (error: unknown) => !(error instanceof NotFoundError))
      : false;
    expect(shown).toBe(false);
    expect(await failure(examPlatform().public.verify('BCDFGHJKMP'))).toBeInstanceOf(NotFoundError);
  });
});
