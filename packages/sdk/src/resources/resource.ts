import type { Transport } from '../core/transport.js';

/** A resource of the API (`client.candidates`, `client.groups`, …): a thin class over the transport. */
export abstract class Resource {
  protected readonly http: Transport;
  constructor(http: Transport) {
    this.http = http;
  }
}

/** An id as a path segment. */
export function seg(id: string): string {
  if (typeof id !== 'string' || id === '') throw new TypeError('Identifiant manquant.');
  return encodeURIComponent(id);
}
