import type { CandidateRow } from '@clr/domain';
import type { CertificateData } from '../src/index.js';

/** A La Poste candidate who took and passed the official exam. */
export function laPosteCandidate(overrides: Partial<CertificateData> = {}): CertificateData {
  return {
    spaceName: 'Lycée Stendhal — Grenoble',
    candidate: {
      id: 'cand_1',
      civility: 'mme',
      lastName: "N'Diaye-Lefèvre",
      birthName: 'Cœurdacier',
      firstName: 'Hélène',
      birthDate: '1994-02-28',
      birthTown: 'Saint-Étienne',
      birthCountry: 'France',
      email: 'helene.ndiaye@exemple.fr',
    },
    exam: {
      type: 'official-laposte',
      scheduledAt: '2018-04-17',
      session: {
        centre: 'Centre La Poste - Grenoble',
        address: '11, boulevard Maréchal Lyautey, 38000 Grenoble',
        startsAt: '2018-04-17T07:00:00Z',
      },
    },
    attempt: {
      score: 617,
      takenAt: '2018-04-17T07:12:00Z',
      validUntil: '2021-04-16',
      validation: 'validated',
      publicCode: 'W7KQ9XB3HM',
    },
    verificationUrl: 'https://admin.certification-lerobert.example/verify/W7KQ9XB3HM',
    issuedAt: '2026-11-27T10:00:00Z',
    ...overrides,
  };
}

/** An approved-centre candidate registered but not yet examined. */
export function registeredCandidate(): CertificateData {
  return {
    spaceName: 'Alliance Formation',
    candidate: {
      id: 'cand_2',
      civility: 'm',
      lastName: 'Dupont',
      birthName: null,
      firstName: 'François',
      birthDate: '1988-11-03',
      birthTown: 'Lyon',
      birthCountry: 'France',
      email: 'f.dupont@alliance-formation.example',
    },
    exam: { type: 'official-approved', scheduledAt: '2026-12-15', session: null },
    attempt: null,
    issuedAt: '2026-11-27T10:00:00Z',
  };
}

const FIRST = ['Hélène', 'François', 'Zoé', 'Loïc', 'Chloé', 'Jérôme', 'Maëlys', 'Noël'];
const LAST = ['Dupont', 'Lefèvre', 'Gaël', 'Benoît', 'Müller', 'Øster', 'Ribéry', 'Cœur'];

/** The n-th of a run of candidates, deterministic, with a few traps among them. */
export function candidateNumber(i: number): CertificateData {
  const base = laPosteCandidate();
  const code = `C${String(i).padStart(9, '0')}`;
  return {
    ...base,
    candidate: {
      ...base.candidate,
      id: `cand_${i}`,
      civility: i % 2 === 0 ? 'mme' : 'm',
      firstName: FIRST[i % FIRST.length] as string,
      lastName: `${LAST[i % LAST.length] as string}-${i}`,
      birthName: i % 3 === 0 ? null : base.candidate.birthName ?? null,
      email: `candidat${i}@exemple.fr`,
    },
    attempt: base.attempt ? { ...base.attempt, score: (i * 37) % 1001, publicCode: code } : null,
    verificationUrl: `https://admin.certification-lerobert.example/verify/${code}`,
  };
}

const STATUSES = ['to_assign', 'scheduled', 'expired', 'taken'] as const;
const TYPES = ['blank-remote', 'official-onsite', 'official-laposte', 'demo-manual'] as const;

/** The n-th row of the candidates table, as the server lists them. */
export function candidateRow(i: number): CandidateRow {
  const status = STATUSES[i % 4] as CandidateRow['status'];
  const taken = status === 'taken';
  return {
    id: `c${i}`,
    civility: i % 2 === 0 ? 'mme' : 'm',
    lastName: LAST[i % LAST.length] as string,
    firstName: `${FIRST[i % FIRST.length] as string} ${i}`,
    email: `candidat${i}@exemple.fr`,
    groups: i % 5 === 0 ? [] : [{ id: 'g1', name: 'Session de septembre' }, ...(i % 3 === 0 ? [{ id: 'g2', name: 'BTS; promo 2026' }] : [])],
    lastLoginAt: taken ? new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString() : null,
    status,
    validation: taken ? (i % 8 === 3 ? 'pending' : 'validated') : null,
    score: taken ? (i * 37) % 1001 : null,
    examType: status === 'to_assign' ? null : (TYPES[i % TYPES.length] as string),
    date: status === 'to_assign' ? null : taken ? new Date(Date.UTC(2024, 0, 1) + i * 997_000).toISOString() : '2026-12-15',
  };
}
