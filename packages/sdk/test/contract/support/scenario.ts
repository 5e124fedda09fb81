/**
 * What the scenarios build their state with — all of it through the SDK, so a
 * scenario runs the same on the server and on the mocks: sign in as the demo
 * administrator, the other space's administrator, the operator or the exam
 * platform; buy and deliver credits; create candidates with unique e-mails.
 */
import { addDays, parisDay, type CandidateDetail, type Stock } from '@clr/domain';
import { createClient, type CandidateCreateParams, type ClrClient } from '../../../src/index.js';
import { target, type DemoLogins } from './target.js';

let counter = 0;

/** A token no other scenario (nor another run on the same server) uses: `t3k9x2a`. */
export function unique(prefix = 'x'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** A client with no credentials yet (session auth, nothing signed in). */
export function anonymous(headers?: Record<string, string>): ClrClient {
  return createClient({ baseUrl: target().baseUrl, auth: { kind: 'session' }, retry: false, ...(headers ? { headers } : {}) });
}

const sessions = new Map<string, Promise<ClrClient>>();

/**
 * A client signed in with a session, as `who` (the demo admin by default).
 * Sessions are shared by the scenarios of a file (a login costs an argon2
 * hash); `{ fresh: true }` opens a new one — for a scenario that logs out, or
 * that moves the clock past the sessions' idle timeout.
 */
export async function signIn(who: keyof Omit<DemoLogins, 'integrationKey'> = 'demoAdmin', options: { fresh?: boolean } = {}): Promise<ClrClient> {
  const open = async () => {
    const client = anonymous();
    await client.auth.login(target().logins[who]);
    return client;
  };
  if (options.fresh) return open();
  let session = sessions.get(who);
  if (!session) {
    session = open();
    sessions.set(who, session);
    session.catch(() => sessions.delete(who));
  }
  return session;
}

/** The exam platform, with the integration key. */
export function examPlatform(): ClrClient {
  return createClient({ baseUrl: target().baseUrl, auth: { kind: 'apiKey', key: target().logins.integrationKey }, retry: false });
}

/** Credits remaining of a type (0 when the type is not listed). */
export function remaining(stock: Stock, examType: string): number {
  return stock.byType.find((t) => t.examType === examType)?.remaining ?? 0;
}

/** Orders `quantity` credits of `examType` and has the operator deliver them; returns the order. */
export async function buyCredits(admin: ClrClient, examType: string, quantity: number) {
  const products = await admin.products.list();
  const product = products.data.find((p) => p.examType === examType);
  if (!product) throw new Error(`no product for ${examType} in this space`);
  const order = await admin.orders.create({ lines: [{ productId: product.id, quantity }] });
  const operator = await signIn('operator');
  return operator.operator.deliverOrder(order.id);
}

/** Makes sure at least `quantity` credits of `examType` are in stock. */
export async function ensureCredits(admin: ClrClient, examType: string, quantity: number): Promise<void> {
  const have = remaining(await admin.stock.get(), examType);
  if (have < quantity) await buyCredits(admin, examType, quantity - have);
}

/** A complete candidate form (§6.3) with a unique e-mail; `lastName` defaults to a unique token too. */
export function candidateForm(overrides: { lastName?: string; firstName?: string; email?: string } = {}): CandidateCreateParams {
  const token = unique('c');
  return {
    identity: {
      civility: 'mme',
      lastName: overrides.lastName ?? `Martin-${token}`,
      firstName: overrides.firstName ?? 'Louise',
      email: overrides.email ?? `louise.${token}@exemple.fr`,
      birthDate: '1994-03-17',
      birthPostcode: '69003',
      birthTown: 'Lyon',
      birthCountry: 'France',
    },
    password: { value: 'secret-123', confirmation: 'secret-123', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
    information: { status: 'employee', funding: 'cpf' },
  };
}

export function newCandidate(admin: ClrClient, overrides: Parameters<typeof candidateForm>[0] = {}): Promise<CandidateDetail> {
  return admin.candidates.create(candidateForm(overrides));
}

/** Today in Paris, `YYYY-MM-DD`, shifted by `days`. */
export function parisToday(days = 0): string {
  return addDays(parisDay(new Date()), days);
}

/** Has the candidate taken the exam assigned: started (by activation code or assignment), scored. */
export async function takeExam(
  candidateId: string,
  admin: ClrClient,
  score: number,
  takenAt: string = new Date().toISOString(),
): Promise<{ attemptId: string }> {
  const file = await admin.candidates.retrieve(candidateId);
  if (!file.assignment) throw new Error('the candidate has no exam to take');
  const platform = examPlatform();
  const { attemptId } = await platform.integration.startAttempt(
    file.assignment.activationCode ? { activationCode: file.assignment.activationCode } : { assignmentId: file.assignment.id },
  );
  await platform.integration.postScore(attemptId, { score, takenAt });
  return { attemptId };
}

/** What a rejected promise rejected with (to assert on its class and members). */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, it succeeded');
}
