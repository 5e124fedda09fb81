/**
 * A tiny in-process SMTP server for the tests: speaks just enough SMTP
 * (EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for nodemailer
 * to deliver a message, keeps what it received, and can refuse a recipient or
 * the data with a chosen reply. Plus the few MIME decoders a test needs to
 * read back the French subject and body.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface ReceivedMail {
  auth: { user: string; pass: string } | null;
  from: string;
  to: string[];
  /** The DATA section, dot-unstuffed, CRLF line ends. */
  data: string;
}

export interface SmtpTestServer {
  url(credentials?: { user: string; pass: string }): string;
  received: ReceivedMail[];
  /** Reply to the next RCPT TO commands with this line (e.g. `550 5.1.1 Unknown user`) instead of 250. */
  refuseRecipients: string | null;
  /** Reply to the end of DATA with this line (e.g. `451 4.3.0 Try again later`) instead of 250. */
  refuseData: string | null;
  /** Resolves once `count` messages have been received in all. */
  waitForMessages(count: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<SmtpTestServer> {
  const sockets = new Set<Socket>();
  const state: SmtpTestServer = {
    url: () => '',
    received: [],
    refuseRecipients: null,
    refuseData: null,
    waitForMessages: (count) =>
      new Promise((resolve) => {
        if (state.received.length >= count) return resolve(state.received);
        waiters.push({ count, resolve });
      }),
    close: async () => undefined,
  };
  const waiters: { count: number; resolve: (mails: ReceivedMail[]) => void }[] = [];

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('latin1'); // bytes in, bytes out: UTF-8 is decoded by the test
    let buffer = '';
    let inData = false;
    let data: string[] = [];
    let envelope: { from: string; to: string[] } = { from: '', to: [] };
    let auth: ReceivedMail['auth'] = null;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 localhost ESMTP clr-test');

    const command = (line: string) => {
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') {
        socket.write('250-localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-AUTH PLAIN\r\n250 OK\r\n');
      } else if (verb === 'HELO') {
        reply('250 localhost');
      } else if (verb === 'AUTH') {
        const [, mechanism, initial] = line.split(' ');
        if (mechanism?.toUpperCase() !== 'PLAIN' || !initial) return reply('504 5.5.4 Unrecognized authentication type');
        const [, user = '', pass = ''] = Buffer.from(initial, 'base64').toString('utf8').split('\u0000');
        auth = { user, pass };
        reply('235 2.7.0 Authentication successful');
      } else if (verb === 'MAIL') {
        envelope = { from: /<([^>]*)>/.exec(line)?.[1] ?? '', to: [] };
        reply('250 2.1.0 OK');
      } else if (verb === 'RCPT') {
        if (state.refuseRecipients) return reply(state.refuseRecipients);
        envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
        reply('250 2.1.5 OK');
      } else if (verb === 'DATA') {
        inData = true;
        data = [];
        reply('354 End data with <CR><LF>.<CR><LF>');
      } else if (verb === 'RSET') {
        envelope = { from: '', to: [] };
        reply('250 2.0.0 OK');
      } else if (verb === 'NOOP') {
        reply('250 2.0.0 OK');
      } else if (verb === 'QUIT') {
        reply('221 2.0.0 Bye');
        socket.end();
      } else {
        reply('502 5.5.2 Command not implemented');
      }
    };

    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!inData) {
          command(line);
          continue;
        }
        if (line === '.') {
          inData = false;
          if (state.refuseData) {
            reply(state.refuseData);
            continue;
          }
          state.received.push({ auth, from: envelope.from, to: envelope.to, data: data.join('\r\n') });
          for (const waiter of waiters.filter((w) => state.received.length >= w.count)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(state.received);
          }
          reply('250 2.0.0 OK queued');
        } else {
          data.push(line.startsWith('..') ? line.slice(1) : line);
        }
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = (credentials) =>
    credentials
      ? `smtp://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@127.0.0.1:${port}`
      : `smtp://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return state;
}

// ---------------------------------------------------------------------------
// Reading a received message back

/** Headers (unfolded, names lower-cased) and the raw body of a message. */
export function parseMessage(data: string): { headers: Map<string, string>; body: string } {
  const split = data.indexOf('\r\n\r\n');
  const head = split >= 0 ? data.slice(0, split) : data;
  const body = split >= 0 ? data.slice(split + 4) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function latin1Bytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`); raw 8-bit text is read as UTF-8. */
export function decodeHeader(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  const decoded = joined.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, encoding: string, text: string) => {
    if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('latin1');
    return text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  });
  return latin1Bytes(decoded).toString('utf8');
}

/** The text of a single-part body, by its Content-Transfer-Encoding, as UTF-8. */
export function decodeBody(body: string, transferEncoding: string | undefined): string {
  const encoding = (transferEncoding ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return latin1Bytes(bytes).toString('utf8');
  }
  return latin1Bytes(body).toString('utf8');
}
