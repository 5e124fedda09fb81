import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import type { Product } from './schemas.js';
import { validateOrderRequest, type OrderRequestLine } from './validate-order.js';

const catalogue: Product[] = [
  { id: 'p-blank', name: 'Partenaire - examen blanc', reference: 'PART-BLANC-EXAMEN', examType: 'blank-remote', unitPriceHt: 7100 },
  { id: 'p-poste', name: 'Partenaire - examen officiel - en centre La Poste', reference: 'PART-LAPOSTE-EXAMEN', examType: 'official-laposte', unitPriceHt: 9900 },
];

function errorsOf(lines: OrderRequestLine[]) {
  try {
    validateOrderRequest(lines, catalogue);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('validation_failed');
    return (e as DomainError).details.errors ?? [];
  }
  throw new Error('expected validation_failed');
}

describe('R1 order request', () => {
  it("R1 accepts the space's products and copies their exam type and unit price", () => {
    expect(
      validateOrderRequest(
        [
          { productId: 'p-blank', quantity: 4 },
          { productId: 'p-poste', quantity: 10_000 },
        ],
        catalogue,
      ),
    ).toEqual([
      { productId: 'p-blank', examType: 'blank-remote', quantity: 4, unitPriceHt: 7100 },
      { productId: 'p-poste', examType: 'official-laposte', quantity: 10_000, unitPriceHt: 9900 },
    ]);
  });

  it.each([
    ['a product of another space', [{ productId: 'p-other', quantity: 1 }], 'lines.0.productId', "Ce produit n'est pas disponible dans votre espace."],
    ['a quantity of 0', [{ productId: 'p-blank', quantity: 0 }], 'lines.0.quantity', 'La quantité doit être un nombre entier de 1 à 10 000.'],
    ['a negative quantity', [{ productId: 'p-blank', quantity: -3 }], 'lines.0.quantity', 'La quantité doit être un nombre entier de 1 à 10 000.'],
    ['a fractional quantity', [{ productId: 'p-blank', quantity: 1.5 }], 'lines.0.quantity', 'La quantité doit être un nombre entier de 1 à 10 000.'],
    ['more than 10 000', [{ productId: 'p-blank', quantity: 10_001 }], 'lines.0.quantity', 'La quantité doit être un nombre entier de 1 à 10 000.'],
    ['an order with no line', [], 'lines', 'Ajoutez au moins un produit à votre commande.'],
  ])('R1 refuses %s', (_case, lines, path, message) => {
    expect(errorsOf(lines)).toEqual([{ path, message }]);
  });

  it('R1 summarises several problems in one sentence', () => {
    try {
      validateOrderRequest([{ productId: 'nope', quantity: 0 }], catalogue);
    } catch (e) {
      expect((e as DomainError).message).toBe('Certains champs ne sont pas valides.');
    }
    expect.assertions(1);
  });

  it('R1 reports every faulty line at once, by index', () => {
    expect(
      errorsOf([
        { productId: 'p-blank', quantity: 2 },
        { productId: 'nope', quantity: 0 },
      ]).map((e) => e.path),
    ).toEqual(['lines.1.productId', 'lines.1.quantity']);
  });

  it('R1 merges the same product ordered on two lines into the first one', () => {
    expect(
      validateOrderRequest(
        [
          { productId: 'p-poste', quantity: 1 },
          { productId: 'p-blank', quantity: 3 },
          { productId: 'p-poste', quantity: 2 },
        ],
        catalogue,
      ),
    ).toEqual([
      { productId: 'p-poste', examType: 'official-laposte', quantity: 3, unitPriceHt: 9900 },
      { productId: 'p-blank', examType: 'blank-remote', quantity: 3, unitPriceHt: 7100 },
    ]);
  });

  it('R1 refuses merged lines that together exceed 10 000', () => {
    expect(
      errorsOf([
        { productId: 'p-blank', quantity: 6000 },
        { productId: 'p-blank', quantity: 5000 },
      ]),
    ).toEqual([
      { path: 'lines.0.quantity', message: 'Ce produit apparaît sur plusieurs lignes pour un total de 11000 : le maximum est de 10 000 par commande.' },
    ]);
  });
});
