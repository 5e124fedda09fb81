import type { ClrCache } from './cache/cache.js';
import { Transport, type ClientAuth, type RetryOptions } from './core/transport.js';
import { Drafts } from './drafts.js';
import { AssignmentsResource } from './resources/assignments.js';
import { AuthResource, MeResource } from './resources/auth.js';
import { AttemptsResource, CandidatesResource } from './resources/candidates.js';
import {
  DashboardResource,
  ExamSessionsResource,
  ExamTypesResource,
  MetaResource,
  ProductsResource,
  PublicResource,
  StockResource,
} from './resources/catalogue.js';
import { CodesResource, DocumentsResource } from './resources/documents.js';
import { GroupsResource } from './resources/groups.js';
import { ApiKeysResource, EmbedOriginsResource, IntegrationResource } from './resources/integration.js';
import { OperatorResource, OrdersResource } from './resources/orders.js';

export interface ClientOptions {
  /**
   * Where the server is: `https://admin.example.fr` (the SDK adds `/api/v1`),
   * or the API root itself. In a browser on the same origin, `''`.
   */
  baseUrl: string;
  /** `{ kind: 'session' }`, `{ kind: 'apiKey', key }`, `{ kind: 'embedToken', token }` or `{ kind: 'embedToken', fetchToken }`. */
  auth: ClientAuth;
  /** A `fetch` to use instead of the global one (tests, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** The list-page and drafts store: `createIdbCache({ name })` in a browser, `createMemoryCache()` elsewhere. */
  cache?: ClrCache;
  /** Retries of idempotent calls (GET, PUT, DELETE, and order creation with its key); `false` for none. */
  retry?: RetryOptions | false;
  /** Per attempt, in ms. Default 30 000. */
  timeoutMs?: number;
  /** Headers sent with every call (`Accept-Language`, tracing). */
  headers?: Record<string, string>;
}

/**
 * The CLR Admin API as objects mirroring SPEC §4 (`client.candidates.list()`,
 * `client.assignments.bulk()`, …). Every method takes `{ signal }` last,
 * answers are checked against the domain's schemas, failures are typed errors.
 */
export class ClrClient {
  readonly auth: AuthResource;
  readonly me: MeResource;
  readonly dashboard: DashboardResource;
  readonly examTypes: ExamTypesResource;
  readonly products: ProductsResource;
  readonly stock: StockResource;
  readonly orders: OrdersResource;
  readonly groups: GroupsResource;
  readonly candidates: CandidatesResource;
  readonly assignments: AssignmentsResource;
  readonly examSessions: ExamSessionsResource;
  readonly codes: CodesResource;
  readonly attempts: AttemptsResource;
  readonly documents: DocumentsResource;
  readonly operator: OperatorResource;
  readonly integration: IntegrationResource;
  readonly apiKeys: ApiKeysResource;
  readonly embedOrigins: EmbedOriginsResource;
  readonly public: PublicResource;
  readonly meta: MetaResource;
  readonly drafts: Drafts;
  /** `https://…/api/v1`. */
  readonly apiUrl: string;

  constructor(options: ClientOptions) {
    const http = new Transport(options);
    this.apiUrl = http.apiUrl;
    this.auth = new AuthResource(http);
    this.me = new MeResource(http);
    this.dashboard = new DashboardResource(http);
    this.examTypes = new ExamTypesResource(http);
    this.products = new ProductsResource(http);
    this.stock = new StockResource(http);
    this.orders = new OrdersResource(http);
    this.groups = new GroupsResource(http);
    this.candidates = new CandidatesResource(http);
    this.assignments = new AssignmentsResource(http);
    this.examSessions = new ExamSessionsResource(http);
    this.codes = new CodesResource(http);
    this.attempts = new AttemptsResource(http);
    this.documents = new DocumentsResource(http);
    this.operator = new OperatorResource(http);
    this.integration = new IntegrationResource(http);
    this.apiKeys = new ApiKeysResource(http);
    this.embedOrigins = new EmbedOriginsResource(http);
    this.public = new PublicResource(http);
    this.meta = new MetaResource(http);
    this.drafts = new Drafts(http);
  }
}

/** `createClient({ baseUrl, auth })`: see {@link ClientOptions}. */
export function createClient(options: ClientOptions): ClrClient {
  if (!options || typeof options.baseUrl !== 'string') throw new TypeError('createClient: baseUrl est obligatoire.');
  const kind = options.auth?.kind;
  if (kind !== 'session' && kind !== 'apiKey' && kind !== 'embedToken') {
    throw new TypeError("createClient: auth doit valoir { kind: 'session' }, { kind: 'apiKey', key } ou { kind: 'embedToken', token }.");
  }
  if (kind === 'apiKey' && !(options.auth as { key?: string }).key) throw new TypeError('createClient: la clé d’API est vide.');
  if (kind === 'embedToken') {
    const { token, fetchToken } = options.auth as { token?: string; fetchToken?: unknown };
    if (fetchToken !== undefined && typeof fetchToken !== 'function') throw new TypeError('createClient: fetchToken doit être une fonction.');
    if (fetchToken === undefined && !token) throw new TypeError('createClient: le jeton est vide (donnez token ou fetchToken).');
  }
  return new ClrClient(options);
}
