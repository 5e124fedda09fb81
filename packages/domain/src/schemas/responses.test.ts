import { describe, expect, it } from 'vitest';
import { CandidateDetail, GroupList, LoginResponse } from './responses.js';
import { DashboardResponse } from '../dashboard/schemas.js';
import { PublicVerification } from '../codes/schemas.js';

const row = {
  id: 'cand_1',
  civility: 'mme',
  lastName: "N'Diaye",
  firstName: 'Aïssatou',
  email: 'aissatou.ndiaye@exemple.fr',
  groups: [{ id: 'grp_1', name: 'Session de septembre' }],
  lastLoginAt: '2019-11-22T03:44:00Z',
  status: 'taken',
  validation: 'validated',
  score: 490,
  examType: 'official-approved',
  date: '2019-11-18T09:00:00Z',
} as const;

describe('response shapes (SPEC §4)', () => {
  it('reads the login answer { admin, space }', () => {
    const body = {
      admin: { id: 'adm_1', email: 'a@exemple.fr', lastName: 'Administrateur', firstName: 'Compte', role: 'admin' },
      space: { id: 'spc_1', name: 'Démo' },
    };
    expect(LoginResponse.parse(body)).toEqual(body);
  });

  it('reads a candidate file: row, pages, assignment, attempts, documents and the credentials e-mail', () => {
    const detail = {
      ...row,
      identity: {
        civility: 'mme',
        lastName: "N'Diaye",
        birthName: null,
        firstName: 'Aïssatou',
        email: 'aissatou.ndiaye@exemple.fr',
        birthDate: '1994-03-17',
        birthPostcode: '75012',
        birthTown: 'Paris',
        birthCountry: 'France',
      },
      information: { status: 'employee', funding: 'cpf' },
      contact: { phone: null, address: null, postcode: null, town: null, country: null },
      misc: { educationLevel: null, socioProfessionalCategory: null, motherTongue: 'fr' },
      credentials: { sentToCandidate: true, acknowledgmentRequested: true, acknowledgedAt: null, sentToAdmin: false },
      assignment: {
        id: 'asg_1',
        examType: 'official-approved',
        scheduledAt: '2019-11-18',
        sessionId: null,
        deadline: '2019-11-18T22:59:59.999Z',
        activationCode: 'BCDFGHJK',
        takenAt: '2019-11-18T09:00:00Z',
        createdAt: '2019-10-01T08:00:00Z',
        state: 'taken',
      },
      attempts: [
        {
          id: 'att_1',
          examType: 'official-approved',
          score: 490,
          takenAt: '2019-11-18T09:00:00Z',
          validUntil: '2022-11-17',
          validation: 'validated',
          publicCode: 'BCDFGHJKMP',
        },
      ],
      documents: { report: true, registration: true, attendance: true },
      hidden: false,
    };
    expect(CandidateDetail.parse(detail)).toEqual(detail);
  });

  it('reads groups with their member count', () => {
    const list = {
      data: [{ id: 'g1', name: 'Classe A', category: 'class', hidden: false, createdAt: '2018-02-20T10:00:00Z', memberCount: 12 }],
      nextCursor: null,
      total: 1,
    };
    expect(GroupList.parse(list)).toEqual(list);
  });

  it('R21 reads the dashboard of the manual (§3.1)', () => {
    const body = {
      stock: {
        total: 1079,
        byType: [
          { examType: 'blank-remote', remaining: 200 },
          { examType: 'blank-onsite', remaining: 99 },
        ],
      },
      candidates: { total: 19, toAssign: 0, scheduled: 8, taken: 11 },
      groups: { total: 1, byCategory: { client: 0, class: 0, exam_session: 1, other: 0 } },
    };
    expect(DashboardResponse.parse(body)).toEqual(body);
  });

  it('R17 refuses any field beyond what the public verification page may show', () => {
    const view = { examTypeLabel: 'Examen officiel - sur site', score: 617, takenAt: '2019-06-07', validUntil: '2022-06-06', firstName: 'Léa', lastName: 'Martin' };
    expect(PublicVerification.parse(view)).toEqual(view);
    expect(PublicVerification.safeParse({ ...view, email: 'lea.martin@exemple.fr' }).success).toBe(false);
  });
});
