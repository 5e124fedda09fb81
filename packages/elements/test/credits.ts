/**
 * Credits for a test or a story, the way a space gets them: the administrator
 * orders, the platform's operator delivers (R3), the administrator signs in
 * again. On the mocks, through the SDK.
 */
import type { ClrClient } from '@clr/sdk';
import { DEMO_LOGINS } from '@clr/mocks/browser';

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
