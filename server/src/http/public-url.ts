/**
 * The one address of the admin site that every link the server writes starts
 * with — password-reset and acknowledgment e-mails, the verification URL of
 * the documents, the payment page's way back, the payment centre's default
 * address: `PUBLIC_URL`, else the address `npm start` prints
 * (`http://HOST:PORT`, `localhost` when HOST is unset or 0.0.0.0). Never the
 * request's `Host` header, which anyone can set (a poisoned reset link).
 */
export function publicUrlFrom(env: { PUBLIC_URL?: string | undefined; HOST?: string | undefined }, port: number): string {
  const configured = env.PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return localUrl(env.HOST, port);
}

/** `http://HOST:PORT` as the start-up banner prints it. */
export function localUrl(host: string | undefined, port: number): string {
  const name = host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost';
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}
