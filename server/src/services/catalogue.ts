import { stockOf, type CreditLot, type ExamType, type Product, type Stock } from '@clr/domain';
import type { Db } from '../db/client.js';

type Reader = Pick<Db, 'examType' | 'product' | 'creditLot'>;

interface ExamTypeRow {
  id: string;
  label: string;
  kind: string;
  requiresDate: boolean;
  requiresSession: boolean;
  supervision: string;
  manualValidation: boolean;
  documents: string;
}

export function toExamType(row: ExamTypeRow): ExamType {
  return {
    id: row.id,
    label: row.label,
    kind: row.kind as ExamType['kind'],
    requiresDate: row.requiresDate,
    requiresSession: row.requiresSession,
    supervision: row.supervision as ExamType['supervision'],
    manualValidation: row.manualValidation,
    documents: row.documents.split(',').filter((d): d is ExamType['documents'][number] => d === 'registration' || d === 'attendance'),
  };
}

/** The exam-type catalogue (data, not code), in display order. */
export async function loadExamTypes(db: Pick<Db, 'examType'>): Promise<ExamType[]> {
  const rows = await db.examType.findMany({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
  return rows.map(toExamType);
}

/** What the space may order (its active products), by name. */
export async function loadProducts(db: Pick<Db, 'product'>, spaceId: string): Promise<Product[]> {
  const rows = await db.product.findMany({
    where: { spaceId, active: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, reference: true, examTypeId: true, unitPriceHt: true },
  });
  return rows.map((p) => ({ id: p.id, name: p.name, reference: p.reference, examType: p.examTypeId, unitPriceHt: p.unitPriceHt }));
}

interface LotRow {
  id: string;
  orderId: string;
  orderLineId: string;
  examTypeId: string;
  quantity: number;
  remaining: number;
  expiresAt: Date;
}

export function toCreditLot(row: LotRow): CreditLot {
  return {
    id: row.id,
    orderId: row.orderId,
    orderLineId: row.orderLineId,
    examType: row.examTypeId,
    quantity: row.quantity,
    remaining: row.remaining,
    expiresAt: row.expiresAt.toISOString(),
  };
}

export const LOT_SELECT = {
  id: true,
  orderId: true,
  orderLineId: true,
  examTypeId: true,
  quantity: true,
  remaining: true,
  expiresAt: true,
} as const;

/** The space's lots that still hold credits and have not expired. */
export async function loadLiveLots(db: Pick<Db, 'creditLot'>, spaceId: string, now: Date): Promise<CreditLot[]> {
  const rows = await db.creditLot.findMany({
    where: { spaceId, remaining: { gt: 0 }, expiresAt: { gte: now } },
    select: LOT_SELECT,
  });
  return rows.map(toCreditLot);
}

/** `GET /stock`: the domain's `stockOf` over the live lots; the types the space sells show even at 0. */
export async function loadStock(db: Reader, spaceId: string, now: Date): Promise<Stock> {
  const [lots, products, catalogue] = await Promise.all([loadLiveLots(db, spaceId, now), loadProducts(db, spaceId), loadExamTypes(db)]);
  return stockOf(lots, now, { catalogue, examTypes: [...new Set(products.map((p) => p.examType))] });
}
