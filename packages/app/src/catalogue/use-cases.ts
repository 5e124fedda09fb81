/** The catalogue and the stock (§3.1 « Certifications restantes », §4.3): what exists, what a space may order, what it holds. */
import { stockOf, type ExamType, type Product, type Stock } from '@clr/domain';
import type { Ports } from '../ports.js';

/** The exam-type catalogue (data, not code), in display order. */
export function listExamTypes(ports: Ports): Promise<ExamType[]> {
  return ports.uow.read((tx) => tx.catalogue.examTypes());
}

/** What the space may order (its active products), by name. */
export function listProducts(ports: Ports, spaceId: string): Promise<Product[]> {
  return ports.uow.read((tx) => tx.catalogue.products(spaceId));
}

/** `GET /stock`: the domain's `stockOf` over the live lots; the types the space sells show even at 0. */
export async function getStock(ports: Ports, spaceId: string): Promise<Stock> {
  const now = ports.now();
  const [lots, products, catalogue] = await ports.uow.read((tx) =>
    Promise.all([tx.stock.liveLots(spaceId, now), tx.catalogue.products(spaceId), tx.catalogue.examTypes()]),
  );
  return stockOf(lots, now, { catalogue, examTypes: [...new Set(products.map((p) => p.examType))] });
}
