/** Notices of §6.5, §6.6 (« Envoyer un courriel au candidat … »), French like the manual. */
import { examTypeLabel, formatDate, formatDateTime, type ExamSession, type ExamType } from '@clr/domain';
import type { CandidateRef, Mail } from '../ports.js';

export const SIGNATURE = "L'équipe de la Certification Le Robert";

/** « l'informer de son inscription à l'examen »: the type, and its date or La Poste session. */
export function assignmentNoticeMail(input: {
  spaceId: string;
  candidate: CandidateRef;
  examType: ExamType;
  scheduledAt: string | null;
  session: ExamSession | null;
}): Mail {
  const { candidate, examType, session } = input;
  const when = session
    ? [
        `Centre d'examen : ${session.centreName} - ${session.address}, ${session.postcode} ${session.city}`,
        `Date et horaire de passage : ${formatDateTime(session.startsAt)}`,
      ]
    : input.scheduledAt
      ? [`Date de passage : ${formatDate(input.scheduledAt)}. L'examen sera disponible à partir de cette date.`]
      : ["L'examen est disponible dès maintenant."];
  return {
    template: 'candidate.assignment',
    to: candidate.email,
    spaceId: input.spaceId,
    subject: 'Inscription à un examen - Certification Le Robert',
    text: [
      `Bonjour ${candidate.firstName} ${candidate.lastName},`,
      '',
      `Vous êtes inscrit(e) à l'examen « ${examType.label} ».`,
      ...when,
      '',
      `Connectez-vous à la plateforme d'examen avec votre identifiant : ${candidate.email}`,
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

/** « l'informer de l'annulation ». */
export function cancellationNoticeMail(input: { spaceId: string; candidate: CandidateRef; examTypeId: string }): Mail {
  const { candidate } = input;
  return {
    template: 'candidate.assignment-cancelled',
    to: candidate.email,
    spaceId: input.spaceId,
    subject: 'Annulation de votre examen - Certification Le Robert',
    text: [
      `Bonjour ${candidate.firstName} ${candidate.lastName},`,
      '',
      `L'examen « ${examTypeLabel(input.examTypeId)} » qui vous était attribué a été annulé.`,
      "Pour toute question, adressez-vous à l'organisme qui vous a inscrit(e).",
      '',
      SIGNATURE,
    ].join('\n'),
  };
}
