/**
 * A scripted `fetch` for the SDK's unit tests: answers requests in order from
 * a list of replies (or a function), and records what the client sent.
 */
export interface Sent {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type Reply = Response | Error | ((sent: Sent) => Response | Error | Promise<Response | Error>);

export interface FakeApi {
  fetch: typeof globalThis.fetch;
  sent: Sent[];
  /** Queues more replies. */
  reply(...replies: Reply[]): void;
}

export function fakeApi(...replies: Reply[]): FakeApi {
  const queue = [...replies];
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (request.signal.aborted) throw request.signal.reason ?? new DOMException('Aborted', 'AbortError');
    const text = await request.text();
    const record: Sent = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    sent.push(record);
    const next = queue.length > 1 ? queue.shift() : queue[0];
    if (next === undefined) throw new Error(`unexpected request ${request.method} ${request.url}`);
    const answer = typeof next === 'function' ? await next(record) : next;
    if (answer instanceof Error) throw answer;
    return answer.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, sent, reply: (...more) => queue.push(...more) };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: `urn:clr:problem:${String(body.code)}`, title: 'Erreur', status, ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers });
}

/** A page of the candidates list with `n` rows named from `start`. */
export function candidatePage(start: number, n: number, nextCursor: string | null, total = 0) {
  return {
    data: Array.from({ length: n }, (_, i) => candidateRow(`c${start + i}`)),
    nextCursor,
    total,
    counts: { to_assign: total, scheduled: 0, expired: 0, taken: 0 },
  };
}

export function candidateRow(id: string) {
  return {
    id,
    civility: 'mme',
    lastName: 'Martin',
    firstName: 'Louise',
    email: `${id}@exemple.fr`,
    groups: [],
    lastLoginAt: null,
    status: 'to_assign',
    validation: null,
    score: null,
    examType: null,
    date: null,
  };
}

export const ORDER = {
  id: 'ord_1',
  number: 'P2026-0001',
  createdAt: '2026-03-10T09:00:00.000Z',
  status: 'pending',
  section: 'to_validate',
  lines: [
    { productId: 'prod_1', examType: 'blank-remote', quantity: 4, remaining: 0, unitPriceHt: 7100, ht: 28400, ttc: 34080, expiresAt: null },
  ],
  totals: { ht: 28400, vat: 5680, ttc: 34080 },
};

export const SESSION = {
  admin: { id: 'adm_1', email: 'admin@demo.test', lastName: 'Administrateur', firstName: 'Compte', role: 'admin' },
  space: { id: 'spc_demo', name: 'Démo' },
};
