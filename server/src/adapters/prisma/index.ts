import type { Ports } from '@clr/app';
import type { Db } from '../../db/client.js';
import { prismaUnitOfWork } from './assignments.js';
import { prismaCandidateQueries } from './queries.js';

export { prismaTxPorts, prismaUnitOfWork, retryingRaces, toExamSession, type ExamSessionRow } from './assignments.js';
export { prismaCandidateQueries } from './queries.js';

/** The application's ports on the server's database, clock and CSPRNG. */
export function prismaPorts(deps: { db: Db; now: () => Date; random: (size: number) => Uint8Array }): Ports {
  return { uow: prismaUnitOfWork(deps.db), queries: prismaCandidateQueries(deps.db), now: deps.now, random: deps.random };
}
