import type { Order, Product } from '@clr/domain';
import { SIGNATURE, orderConfirmationMail, passwordChangedMail, passwordResetMail, type Mail } from '@clr/app';
import type { Db } from '../db/client.js';

/**
 * E-mails go through the outbox table (`OutboxMessage`): written in the same
 * transaction as what they announce, sent (or kept, without SMTP) by a worker.
 * Templates are French, like the manual.
 */
export type { Mail };

type OutboxWriter = Pick<Db, 'outboxMessage'>;

export async function enqueueMail(db: OutboxWriter, mail: Mail): Promise<void> {
  await db.outboxMessage.create({
    data: { template: mail.template, to: mail.to, subject: mail.subject, text: mail.text, spaceId: mail.spaceId ?? null },
  });
}

/** The templates are the application layer's (`@clr/app`), shared with the mocks. */
export { SIGNATURE, orderConfirmationMail, passwordChangedMail, passwordResetMail };

/**
 * Queues the order confirmation in the order's own transaction: to the
 * administrator who ordered, or, for an order placed with an API key, to
 * every administrator of the space.
 */
export async function enqueueOrderConfirmation(
  tx: Pick<Db, 'admin' | 'outboxMessage'>,
  input: {
    spaceId: string;
    createdById: string | null;
    order: Pick<Order, 'number' | 'createdAt' | 'lines' | 'totals'>;
    vatRateBp: number;
    products: readonly Pick<Product, 'id' | 'name' | 'reference'>[];
  },
): Promise<void> {
  const { spaceId, createdById } = input;
  const admins = await tx.admin.findMany({
    where: createdById ? { id: createdById, spaceId } : { spaceId, role: 'admin' },
    select: { email: true, firstName: true, lastName: true },
    orderBy: { email: 'asc' },
  });
  for (const admin of admins) {
    await enqueueMail(tx, orderConfirmationMail({ ...input, to: admin.email, firstName: admin.firstName, lastName: admin.lastName }));
  }
}
