import type { Db } from '../db/client.js';

/**
 * E-mails go through the outbox table (`OutboxMessage`): written in the same
 * transaction as what they announce, sent (or kept, without SMTP) by a worker.
 * Templates are French, like the manual.
 */
export interface Mail {
  template: string;
  to: string;
  subject: string;
  text: string;
  spaceId?: string | null;
}

type OutboxWriter = Pick<Db, 'outboxMessage'>;

export async function enqueueMail(db: OutboxWriter, mail: Mail): Promise<void> {
  await db.outboxMessage.create({
    data: { template: mail.template, to: mail.to, subject: mail.subject, text: mail.text, spaceId: mail.spaceId ?? null },
  });
}

const SIGNATURE = "L'équipe de la Certification Le Robert";

/** « Mot de passe oublié ? » (§1.1): the link to choose a new password. */
export function passwordResetMail(input: { to: string; firstName: string; lastName: string; link: string; spaceId: string | null }): Mail {
  return {
    template: 'admin.password-reset',
    to: input.to,
    spaceId: input.spaceId,
    subject: 'Réinitialisation de votre mot de passe - Certification Le Robert',
    text: [
      `Bonjour ${input.firstName} ${input.lastName},`,
      '',
      "Vous avez demandé à réinitialiser le mot de passe de votre compte administrateur sur la plateforme de la Certification Le Robert.",
      '',
      'Pour choisir un nouveau mot de passe, ouvrez le lien ci-dessous. Il est valable une heure et ne peut servir qu’une fois :',
      input.link,
      '',
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce courriel : votre mot de passe actuel reste valable.",
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

/** Sent after a reset or a change, so an unexpected change does not go unnoticed. */
export function passwordChangedMail(input: { to: string; firstName: string; lastName: string; spaceId: string | null }): Mail {
  return {
    template: 'admin.password-changed',
    to: input.to,
    spaceId: input.spaceId,
    subject: 'Votre mot de passe a été modifié - Certification Le Robert',
    text: [
      `Bonjour ${input.firstName} ${input.lastName},`,
      '',
      'Le mot de passe de votre compte administrateur de la Certification Le Robert vient d’être modifié.',
      "Si vous n'êtes pas à l'origine de ce changement, utilisez sans attendre « Mot de passe oublié ? » sur la page de connexion et prévenez notre service clients.",
      '',
      SIGNATURE,
    ].join('\n'),
  };
}
