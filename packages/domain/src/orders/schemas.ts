import { z } from 'zod';
import { OrderSection, OrderStatus } from '../shared/enums.js';
import { IsoDateTime, listOf } from '../shared/list.js';

/** What a space may order (SPEC §2 Product). */
export const Product = z.object({
  id: z.string(),
  name: z.string(),
  reference: z.string(),
  examType: z.string(),
  unitPriceHt: z.number().int().nonnegative(),
});
export type Product = z.infer<typeof Product>;

export const Money = z.object({ ht: z.number().int(), vat: z.number().int(), ttc: z.number().int() });
export type Money = z.infer<typeof Money>;

export const OrderLine = z.object({
  productId: z.string(),
  examType: z.string(),
  quantity: z.number().int().positive(),
  /** Credits still unconsumed and unexpired; 0 until delivery. */
  remaining: z.number().int().nonnegative(),
  unitPriceHt: z.number().int().nonnegative(),
  ht: z.number().int(),
  ttc: z.number().int(),
  expiresAt: IsoDateTime.nullable(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const Order = z.object({
  id: z.string(),
  number: z.string(),
  createdAt: IsoDateTime,
  status: OrderStatus,
  section: OrderSection,
  lines: z.array(OrderLine),
  totals: Money,
});
export type Order = z.infer<typeof Order>;

export const OrderList = listOf(Order).extend({ totals: Money });
export type OrderList = z.infer<typeof OrderList>;
