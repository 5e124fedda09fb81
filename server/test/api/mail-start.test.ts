import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, freshDatabaseUrl } from '../support/db.js';
import { decodeBody, decodeHeader, parseMessage, startSmtpServer, type SmtpTestServer } from '../mail-smtp-server.js';
import { SOURCE_NODE_ARGS } from '../support/node-args.js';

/**
 * `npm start` with `SMTP_URL`: the server starts the outbox worker, which
 * sends what the use cases queue through SMTP, and stops with the server.
 */
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

let smtp: SmtpTestServer;
const children: ChildProcess[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await smtp.close();
  await closeAll();
});

async function start(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string; api: string }> {
  const child = spawn(process.execPath, [...SOURCE_NODE_ARGS, 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const api = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /API\s+(http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  return { child, output: () => out, api };
}

describe('npm start with SMTP_URL', () => {
  it('sends the password reset e-mail through SMTP, in French, and SIGTERM stops the worker with the server', async () => {
    const server = await start({
      DATABASE_URL: await freshDatabaseUrl(),
      NODE_ENV: 'development',
      SMTP_URL: smtp.url({ user: 'clr', pass: 'tres-secret' }),
      MAIL_FROM: 'Certification Le Robert <clr@exemple.test>',
    });
    expect(server.output()).toMatch(/Courriels {4}SMTP smtp:\/\/clr:\*\*\*@127\.0\.0\.1:\d+ \(expéditeur Certification Le Robert <clr@exemple\.test>\)/);
    expect(server.output()).not.toContain('tres-secret');

    const reset = await fetch(`${server.api}/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.test' }),
    });
    expect(reset.status).toBe(202);

    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.auth).toEqual({ user: 'clr', pass: 'tres-secret' });
    expect(mail!.from).toBe('clr@exemple.test');
    expect(mail!.to).toEqual(['admin@demo.test']);
    const { headers, body } = parseMessage(mail!.data);
    expect(decodeHeader(headers.get('subject') ?? '')).toBe('Réinitialisation de votre mot de passe - Certification Le Robert');
    const text = decodeBody(body, headers.get('content-transfer-encoding'));
    expect(text).toContain("Si vous n'êtes pas à l'origine de cette demande, ignorez ce courriel");

    server.child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => {
      if (server.child.exitCode !== null) resolve(server.child.exitCode);
      else server.child.on('exit', (c) => resolve(c));
    });
    expect(code).toBe(0);
    expect(server.output()).toContain('Courriels : 1 envoyé(s), 0 à réessayer, 0 en échec.');
  });
});
