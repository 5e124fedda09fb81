import { z } from 'zod';
import { OrderSection } from '../shared/enums.js';
import { fr } from '../i18n/messages.js';
import { blankAsAbsent, examTypeField, ID_MAX_LENGTH, orderedPeriod, pageShape, periodShape, searchField } from './fields.js';

export const ORDER_LINES_MAX = 100;
export const ORDER_QUANTITY_MAX = 10_000;

const quantity = z
  .number({ error: fr('quantity.invalid') })
  .int({ error: fr('quantity.invalid') })
  .min(1, { error: fr('quantity.invalid') })
  .max(ORDER_QUANTITY_MAX, { error: fr('quantity.invalid') });

/**
 * `POST /orders` `{ lines: [{ productId, quantity }] }` (§4.3). The shape only:
 * whether the product is in the space's catalogue, and what becomes of a product
 * listed twice, is R1's business (`validateOrderRequest`).
 */
export const OrderCreateBody = z.object(
  {
    lines: z
      .array(
        z.object(
          {
            productId: z
              .string({ error: fr('productId.required') })
              .trim()
              .min(1, { error: fr('productId.required') })
              .max(ID_MAX_LENGTH, { error: fr('productId.required') }),
            quantity,
          },
          { error: fr('productId.required') },
        ),
        { error: fr('orderLines.required') },
      )
      .min(1, { error: fr('orderLines.required') })
      .max(ORDER_LINES_MAX, { error: fr('orderLines.tooMany', { max: ORDER_LINES_MAX }) }),
  },
  { error: fr('body.invalid') },
);
export type OrderCreateBody = z.output<typeof OrderCreateBody>;

/** `GET /orders` query (§4.1): search, exam type, period (order date), section, paging. */
export const OrderListQuery = z
  .object({
    q: searchField,
    examType: blankAsAbsent(examTypeField('examType.invalid')),
    ...periodShape,
    section: blankAsAbsent(z.enum(OrderSection.options, { error: fr('section.invalid') })),
    ...pageShape,
  })
  .refine(...orderedPeriod);
export type OrderListQuery = z.output<typeof OrderListQuery>;
