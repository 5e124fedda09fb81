/**
 * The README's examples, end to end, against a running server:
 *
 *   npm start                                   # in another terminal
 *   npx tsx --conditions=@clr/source packages/sdk/examples/quickstart.ts [candidates.csv]
 *
 * Logs in as the demo administrator, creates a group, imports candidates from
 * a CSV file into it (reporting each line the API refuses), assigns them an
 * exam in one go, and downloads their activation codes (CSV) and a merged PDF
 * of detailed reports. Safe to run again: candidates already there are reused.
 *
 * Environment: CLR_URL (default http://localhost:3000), CLR_EMAIL,
 * CLR_PASSWORD (default the demo administrator), CLR_OUT (where files go,
 * default ./clr-export).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ClrApiError,
  ConflictError,
  createClient,
  NotEligibleError,
  OutOfStockError,
  type CandidateCreateParams,
  type ClrFile,
} from '@clr/sdk';

const baseUrl = process.env.CLR_URL ?? 'http://localhost:3000';
const email = process.env.CLR_EMAIL ?? 'admin@demo.test';
const password = process.env.CLR_PASSWORD ?? 'Demo-admin-1';
const out = process.env.CLR_OUT ?? 'clr-export';
const csvPath = process.argv[2] ?? new URL('./candidates.csv', import.meta.url);

// 1. Log in (Node keeps the session cookie for the next calls).
const client = createClient({ baseUrl, auth: { kind: 'session' } });
const { admin, space } = await client.auth.login({ email, password });
console.log(`Connecté : ${admin.firstName} ${admin.lastName}, espace « ${space?.name} »`);

// 2. Create a group (or find it again when the script runs twice).
const groupName = `Session de juin ${new Date().getFullYear()}`;
let group = (await client.groups.list({ q: groupName })).data.find((g) => g.name === groupName);
group ??= await client.groups.create({ name: groupName, category: 'exam_session' });
console.log(`Groupe « ${group.name} » (${group.id})`);

// 3. Import candidates from a CSV file: one call per line, each refusal reported with its field.
const rows = parseCsv(await readFile(csvPath, 'utf8'));
const imported: string[] = [];
for (const [index, row] of rows.entries()) {
  const line = index + 2; // line 1 is the header
  try {
    const candidate = await client.candidates.create(toCandidate(row));
    imported.push(candidate.id);
    console.log(`  ligne ${line} : ${candidate.firstName} ${candidate.lastName} créé(e)`);
  } catch (error) {
    if (error instanceof ConflictError) {
      // Already on the platform: reuse the candidate if it is ours.
      const existing = (await client.candidates.list({ q: row.courriel, includeHidden: true })).data[0];
      if (existing) {
        imported.push(existing.id);
        console.log(`  ligne ${line} : ${row.courriel} existe déjà, repris(e)`);
        continue;
      }
    }
    if (error instanceof ClrApiError) {
      const fields = error.errors.map((e) => `${e.path} : ${e.message}`).join(' ; ');
      console.log(`  ligne ${line} : refusée — ${error.detail}${fields ? ` (${fields})` : ''}`);
      continue;
    }
    throw error;
  }
}
if (imported.length > 0) {
  const { added, alreadyMembers } = await client.groups.addMembers(group.id, imported);
  console.log(`${added.length} candidat(s) ajouté(s) au groupe, ${alreadyMembers.length} déjà membre(s)`);
}

// 4. Bulk-assign an on-site mock exam in a week to the group's candidates who have none.
const examType = 'blank-onsite';
const scheduledAt = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10); // YYYY-MM-DD
const eligible = await client.assignments.eligible({ action: 'assign', examType, groupId: group.id, limit: 200 });
const candidateIds = eligible.data.map((c) => c.id);
console.log(`${candidateIds.length} candidat(s) à qui attribuer « ${examType} », ${eligible.available ?? 0} certification(s) en stock`);
if (candidateIds.length > 0) {
  try {
    const assigned = await client.assignments.bulk({ candidateIds, examType, scheduledAt, notify: false });
    console.log(`${assigned.total} examen(s) attribué(s) pour le ${scheduledAt}`);
  } catch (error) {
    if (error instanceof OutOfStockError) console.log(`Stock insuffisant : ${error.needed} nécessaire(s), ${error.available} disponible(s)`);
    else if (error instanceof NotEligibleError) console.log(`Non éligibles : ${error.candidateIds.join(', ')}`);
    else throw error;
  }
}

// 5. Download the group's activation codes as CSV.
await mkdir(out, { recursive: true });
const codes = await client.codes.list({ groupId: group.id });
console.log(`${codes.total} code(s) d'activation dans le groupe`);
await save(await client.codes.exportCsv({ groupId: group.id }), 'codes-activation.csv');

// 6. Download the detailed reports of the first candidates whose report is available, merged into one PDF.
const reports = await client.documents.eligible('report', { limit: 5 });
if (reports.data.length > 0) {
  await save(await client.documents.download('report', reports.data.map((c) => c.id)), 'bilans-detailles.pdf');
}

await client.auth.logout();

async function save(file: ClrFile, fallback: string): Promise<void> {
  const path = join(out, file.filename ?? fallback);
  await writeFile(path, await file.bytes());
  console.log(`Écrit ${path} (${file.size} octets, ${file.contentType})`);
}

/** A `;`-separated CSV with a header line (quoted fields allowed, BOM ignored) → one object per line. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (record.some((f) => f !== '')) records.push(record);
    record = [];
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ';') {
      endField();
    } else if (ch === '\n') {
      endRecord();
    } else if (ch !== '\r') {
      field += ch;
    }
  }
  endRecord();
  const [header = [], ...lines] = records;
  return lines.map((cells) => Object.fromEntries(header.map((name, i) => [name.trim(), (cells[i] ?? '').trim()])));
}

/** One CSV line → the candidate form of §6.3 (the password is generated; the candidate receives it by e-mail). */
function toCandidate(row: Record<string, string>): CandidateCreateParams {
  const generated = `Clr-${crypto.randomUUID().slice(0, 8)}`;
  return {
    identity: {
      civility: row.civilite as 'mme' | 'm',
      lastName: row.nom ?? '',
      firstName: row.prenom ?? '',
      email: row.courriel ?? '',
      birthDate: row.date_naissance ?? '',
      birthPostcode: row.cp_naissance ?? '',
      birthTown: row.ville_naissance ?? '',
      birthCountry: row.pays_naissance ?? '',
    },
    password: { value: generated, confirmation: generated, sendToCandidate: true, requestAcknowledgment: true, sendToAdmin: false },
    information: {
      status: row.statut as CandidateCreateParams['information']['status'],
      funding: row.financement as CandidateCreateParams['information']['funding'],
    },
  };
}
