import { DashboardResponse, ExamSessionList, ExamTypeList, ProductList, PublicVerification, Stock } from '@clr/domain';
import type { CallOptions } from '../core/transport.js';
import { Health, type ExamSessionListParams } from '../schemas.js';
import { Resource, seg } from './resource.js';

/** `GET /dashboard` (§3.1, R21). */
export class DashboardResource extends Resource {
  get(options?: CallOptions): Promise<DashboardResponse> {
    return this.http.json({ method: 'GET', path: 'dashboard', schema: DashboardResponse, options });
  }
}

/** `GET /exam-types`: the catalogue (labels, dated or not, supervision, documents). */
export class ExamTypesResource extends Resource {
  list(options?: CallOptions): Promise<ExamTypeList> {
    return this.http.json({ method: 'GET', path: 'exam-types', schema: ExamTypeList, options });
  }
}

/** `GET /products`: what the space may order (§4.3). */
export class ProductsResource extends Resource {
  list(options?: CallOptions): Promise<ProductList> {
    return this.http.json({ method: 'GET', path: 'products', schema: ProductList, options });
  }
}

/** `GET /stock`: credits per exam type and their lots, soonest expiry first (R4). */
export class StockResource extends Resource {
  get(options?: CallOptions): Promise<Stock> {
    return this.http.json({ method: 'GET', path: 'stock', schema: Stock, options });
  }
}

/** `GET /exam-sessions`: La Poste centre sessions with a free seat (§6.5). */
export class ExamSessionsResource extends Resource {
  list(params: ExamSessionListParams = {}, options?: CallOptions): Promise<ExamSessionList> {
    return this.http.json({ method: 'GET', path: 'exam-sessions', query: { ...params }, schema: ExamSessionList, options });
  }
}

/** `GET /public/verify/:code` (R17): what anyone may check about a validated result. */
export class PublicResource extends Resource {
  verify(code: string, options?: CallOptions): Promise<PublicVerification> {
    return this.http.json({ method: 'GET', path: `public/verify/${seg(code)}`, schema: PublicVerification, options });
  }
}

/** `GET /healthz`, `GET /openapi.json`. */
export class MetaResource extends Resource {
  health(options?: CallOptions): Promise<Health> {
    return this.http.json({ method: 'GET', path: 'healthz', schema: Health, options });
  }
}
