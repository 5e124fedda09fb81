import { DomainError, type FieldError } from '../shared/errors.js';
import type { Product } from './schemas.js';

export const MAX_ORDER_QUANTITY = 10_000;

/** A line of `POST /orders` `{ lines: [{ productId, quantity }] }`. */
export interface OrderRequestLine {
  productId: string;
  quantity: number;
}

/** A checked line, with the exam type and the unit price copied at order time (SPEC §2 Order). */
export interface ValidatedOrderLine {
  productId: string;
  examType: string;
  quantity: number;
  unitPriceHt: number;
}

/** A `validation_failed` error: one message per field; a lone one is also the summary. */
export function validationFailed(errors: FieldError[]): DomainError {
  const first = errors[0];
  const message = errors.length === 1 && first ? first.message : 'Certains champs ne sont pas valides.';
  return new DomainError('validation_failed', message, { errors });
}

/**
 * R1 — only the space's products can be ordered, each in a whole quantity from
 * 1 to 10 000, and an order has at least one line. Every problem is reported
 * (`details.errors`, paths `lines.<i>.productId` / `lines.<i>.quantity`).
 *
 * The same product on several lines is merged into the first of them (the
 * order form has one row per product, so two rows can only mean "more of it");
 * the merged quantity must itself stay within 10 000. Lines keep the order of
 * their first appearance.
 */
export function validateOrderRequest(
  lines: readonly OrderRequestLine[],
  catalogue: readonly Product[],
): ValidatedOrderLine[] {
  const errors: FieldError[] = [];
  if (lines.length === 0) {
    throw validationFailed([{ path: 'lines', message: 'Ajoutez au moins un produit à votre commande.' }]);
  }
  const products = new Map(catalogue.map((p) => [p.id, p]));
  const merged = new Map<string, { line: ValidatedOrderLine; index: number }>();
  lines.forEach((line, index) => {
    const product = products.get(line.productId);
    const quantityOk =
      Number.isInteger(line.quantity) && line.quantity >= 1 && line.quantity <= MAX_ORDER_QUANTITY;
    if (!product) {
      errors.push({ path: `lines.${index}.productId`, message: "Ce produit n'est pas disponible dans votre espace." });
    }
    if (!quantityOk) {
      errors.push({
        path: `lines.${index}.quantity`,
        message: 'La quantité doit être un nombre entier de 1 à 10 000.',
      });
    }
    if (!product || !quantityOk) return;
    const seen = merged.get(product.id);
    if (seen) {
      seen.line.quantity += line.quantity;
    } else {
      merged.set(product.id, {
        index,
        line: { productId: product.id, examType: product.examType, quantity: line.quantity, unitPriceHt: product.unitPriceHt },
      });
    }
  });
  for (const { line, index } of merged.values()) {
    if (line.quantity > MAX_ORDER_QUANTITY) {
      errors.push({
        path: `lines.${index}.quantity`,
        message: `Ce produit apparaît sur plusieurs lignes pour un total de ${line.quantity} : le maximum est de 10 000 par commande.`,
      });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  return [...merged.values()].map((m) => m.line);
}
