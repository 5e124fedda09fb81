import type {
  CandidateStatus,
  Civility,
  DocumentKind,
  EducationLevel,
  ExamKind,
  Funding,
  GroupCategory,
  InformationStatus,
  MotherTongue,
  OrderSection,
  OrderStatus,
  SocioProfessionalCategory,
  Validation,
} from '../shared/enums.js';

export type Locale = 'fr' | 'en';

/** Labels of every enumeration, in the manual's French and in English. */
export interface EnumLabels {
  candidateStatus: Record<CandidateStatus, string>;
  validation: Record<Validation, string>;
  civility: Record<Civility, string>;
  informationStatus: Record<InformationStatus, string>;
  funding: Record<Funding, string>;
  educationLevel: Record<EducationLevel, string>;
  socioProfessionalCategory: Record<SocioProfessionalCategory, string>;
  motherTongue: Record<MotherTongue, string>;
  groupCategory: Record<GroupCategory, string>;
  groupVisibility: Record<'active' | 'hidden', string>;
  orderStatus: Record<OrderStatus, string>;
  orderSection: Record<OrderSection, string>;
  examKind: Record<ExamKind, string>;
  documentKind: Record<DocumentKind, string>;
}

export const LABELS: Record<Locale, EnumLabels> = {
  fr: {
    candidateStatus: { to_assign: 'À attribuer', scheduled: 'Prévue', expired: 'Expirée', taken: 'Passée' },
    validation: { validated: 'Validé', pending: 'En attente', invalidated: 'Invalidé' },
    civility: { mme: 'Madame', m: 'Monsieur' },
    informationStatus: {
      employee: 'Salarié',
      student: 'Étudiant',
      job_seeker: "Demandeur d'emploi",
      self_employed: 'Travailleur non salarié',
      civil_servant: 'Agent de la fonction publique',
      retired: 'Retraité',
      other: 'Autre',
    },
    funding: {
      cpf: 'Compte personnel de formation (CPF)',
      professionalisation: 'Période de professionnalisation',
      self_funded: 'Autofinancement',
      other: 'Autre financement',
    },
    educationLevel: {
      cap: 'CAP',
      bac: 'Bac',
      bac2: 'Bac + 2',
      bac3: 'Bac + 3',
      bac4: 'Bac + 4',
      bac5: 'Bac + 5',
      bac8: 'Bac + 8 ou plus',
      none: 'Sans diplôme',
    },
    socioProfessionalCategory: {
      farmer: 'Agriculteur exploitant',
      craftsman_trader_owner: "Artisan, commerçant ou chef d'entreprise",
      executive: 'Cadre',
      intermediate: 'Profession intermédiaire',
      employee: 'Employé',
      worker: 'Ouvrier',
      no_activity: 'Sans activité professionnelle',
    },
    motherTongue: { fr: 'Français', other: 'Autre langue' },
    groupCategory: { client: 'Client', class: 'Classe', exam_session: "Session d'examen", other: 'Autre' },
    groupVisibility: { active: 'Actif', hidden: 'Caché' },
    orderStatus: { pending: 'En cours', delivered: 'Livré', cancelled: 'Annulée' },
    orderSection: { to_validate: 'À valider', to_consume: 'À consommer', history: 'Historique' },
    examKind: { blank: 'Examen blanc', demo: 'Examen démo', official: 'Examen officiel' },
    documentKind: {
      report: 'Bilan détaillé',
      registration: "Attestation d'inscription",
      attendance: 'Attestation de passage',
    },
  },
  en: {
    candidateStatus: { to_assign: 'To assign', scheduled: 'Scheduled', expired: 'Expired', taken: 'Taken' },
    validation: { validated: 'Validated', pending: 'Pending', invalidated: 'Invalidated' },
    civility: { mme: 'Mrs', m: 'Mr' },
    informationStatus: {
      employee: 'Employee',
      student: 'Student',
      job_seeker: 'Job seeker',
      self_employed: 'Self-employed',
      civil_servant: 'Civil servant',
      retired: 'Retired',
      other: 'Other',
    },
    funding: {
      cpf: 'Personal training account (CPF)',
      professionalisation: 'Professionalisation period',
      self_funded: 'Self-funded',
      other: 'Other funding',
    },
    educationLevel: {
      cap: 'CAP',
      bac: 'Baccalauréat',
      bac2: 'Bac + 2',
      bac3: 'Bac + 3',
      bac4: 'Bac + 4',
      bac5: 'Bac + 5',
      bac8: 'Bac + 8 or more',
      none: 'No diploma',
    },
    socioProfessionalCategory: {
      farmer: 'Farmer',
      craftsman_trader_owner: 'Craftsman, trader or business owner',
      executive: 'Executive',
      intermediate: 'Intermediate profession',
      employee: 'Employee',
      worker: 'Worker',
      no_activity: 'No professional activity',
    },
    motherTongue: { fr: 'French', other: 'Other language' },
    groupCategory: { client: 'Client', class: 'Class', exam_session: 'Exam session', other: 'Other' },
    groupVisibility: { active: 'Active', hidden: 'Hidden' },
    orderStatus: { pending: 'In progress', delivered: 'Delivered', cancelled: 'Cancelled' },
    orderSection: { to_validate: 'To validate', to_consume: 'To consume', history: 'History' },
    examKind: { blank: 'Practice exam', demo: 'Demo exam', official: 'Official exam' },
    documentKind: {
      report: 'Detailed report',
      registration: 'Registration certificate',
      attendance: 'Attendance certificate',
    },
  },
};
