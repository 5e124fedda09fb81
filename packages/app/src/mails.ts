/**
 * The e-mails of the platform, French like the manual: one set of templates
 * for the server's outbox and the mocks' store. Each returns the {@link Mail}
 * to enqueue; the unit of work that writes what a mail announces enqueues it.
 */
import { examTypeLabel, formatDate, formatMoney, type Order, type Product } from '@clr/domain';
import type { Mail } from './ports.js';
import { SIGNATURE } from './assignments/mails.js';

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

/** `2000` → « 20 % », `550` → « 5,5 % ». */
function vatRateText(vatRateBp: number): string {
  return `${String(vatRateBp / 100).replace('.', ',')}\u00a0%`;
}

/**
 * « Confirmation de votre commande n° … » (§4.3): what was ordered, line by
 * line as the orders table shows it, then « Sous-total (H.T.) », « T.V.A. »
 * and « Total (T.T.C.) » as in « Passer une nouvelle commande » — the order's
 * own totals (R2), never recomputed here.
 */
export function orderConfirmationMail(input: {
  to: string;
  firstName: string;
  lastName: string;
  spaceId: string;
  order: Pick<Order, 'number' | 'createdAt' | 'lines' | 'totals'>;
  vatRateBp: number;
  products: readonly Pick<Product, 'id' | 'name' | 'reference'>[];
}): Mail {
  const { order } = input;
  const names = new Map(input.products.map((p) => [p.id, p]));
  const lines = order.lines.map((line) => {
    const product = names.get(line.productId);
    const name = product ? `${product.name} (${product.reference})` : examTypeLabel(line.examType);
    return [
      `- ${name} - ${examTypeLabel(line.examType)}`,
      `  ${line.quantity} × ${formatMoney(line.unitPriceHt)} H.T. = ${formatMoney(line.ht)} H.T., soit ${formatMoney(line.ttc)} T.T.C.`,
    ].join('\n');
  });
  return {
    template: 'order.confirmation',
    to: input.to,
    spaceId: input.spaceId,
    subject: `Confirmation de votre commande n° ${order.number} - Certification Le Robert`,
    text: [
      `Bonjour ${input.firstName} ${input.lastName},`,
      '',
      `Nous avons bien reçu votre commande n° ${order.number} du ${formatDate(order.createdAt)} :`,
      '',
      ...lines,
      '',
      `Sous-total (H.T.) : ${formatMoney(order.totals.ht)}`,
      `T.V.A. (${vatRateText(input.vatRateBp)}) : ${formatMoney(order.totals.vat)}`,
      `Total (T.T.C.) : ${formatMoney(order.totals.ttc)}`,
      '',
      "Votre commande s'affiche dès maintenant dans le tableau de la page « Mes commandes », avec le statut « En cours ».",
      'Vous pouvez la régler directement en ligne sur notre centre de paiement : cliquez sur « Poursuivre ma commande » depuis le tableau des commandes. Vous pouvez aussi contacter notre service clients pour la régler.',
      'Les certifications commandées seront disponibles dans votre espace dès la livraison de la commande.',
      '',
      SIGNATURE,
    ].join('\n'),
  };
}
