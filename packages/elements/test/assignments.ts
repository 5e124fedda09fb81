/**
 * Data for the assignment elements' tests and stories, made the way a space
 * makes it, through the SDK on the mocks: credits (the administrator orders,
 * the platform's operator delivers, R3) and candidates with nothing assigned.
 */
import type { ClrClient } from '@clr/sdk';
import { DEMO_LOGINS } from '@clr/mocks/browser';

/** Orders `quantity` credits of the product `reference` and has the operator deliver them; the administrator is signed in again. */
export async function addCredits(client: ClrClient, reference: string, quantity: number, admin: { email: string; password: string } = DEMO_LOGINS.demo): Promise<void> {
  const product = (await client.products.list()).data.find((p) => p.reference === reference);
  if (!product) throw new Error(`No product ${reference} in the space's catalogue`);
  const order = await client.orders.create({ lines: [{ productId: product.id, quantity }] });
  await client.auth.logout();
  await client.auth.login(DEMO_LOGINS.operator);
  await client.operator.deliverOrder(order.id);
  await client.auth.logout();
  await client.auth.login(admin);
}

let seq = 0;

/** A new candidate of the space, with nothing assigned (« À attribuer »): their id. */
export async function newCandidate(client: ClrClient, lastName = 'Aubry', firstName = 'Louise'): Promise<string> {
  seq += 1;
  const created = await client.candidates.create({
    identity: {
      civility: 'mme',
      lastName,
      firstName,
      email: `${firstName}.${lastName}.${seq}.${Date.now()}@exemple.fr`.toLowerCase(),
      birthDate: '1994-03-17',
      birthPostcode: '69003',
      birthTown: 'Lyon',
      birthCountry: 'France',
    },
    password: { value: 'secret-123', confirmation: 'secret-123', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
    information: { status: 'employee', funding: 'cpf' },
  });
  return created.id;
}

/** The stock of one exam type now. */
export async function stockOf(client: ClrClient, examType: string): Promise<number> {
  return (await client.stock.get()).byType.find((line) => line.examType === examType)?.remaining ?? 0;
}
