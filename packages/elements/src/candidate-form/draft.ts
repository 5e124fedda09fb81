import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClrClient } from '@clr/sdk';

export interface DraftOptions<T> {
  /** The SDK client whose draft store (`client.drafts`) keeps the draft. */
  client: () => ClrClient | undefined;
  /** The draft's key in that store. */
  key: () => string;
  /** What to keep, read when the pause after the last change ends. */
  value: () => T;
  /** Dotted paths never stored (`CANDIDATE_FORM_SECRETS`: the password). */
  exclude?: readonly string[];
  /** The pause after the last change before saving (ms). */
  delay?: number;
}

/**
 * A form's draft in the SDK's draft store, as a Lit reactive controller:
 * `load()` once the client is there, `schedule()` after each change (saved
 * after a short pause, and at once when the element leaves the page),
 * `clear()` once the form is submitted. A store that cannot be reached
 * (private browsing) only means no draft: nothing throws.
 */
export class DraftController<T> implements ReactiveController {
  readonly #options: DraftOptions<T>;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: DraftOptions<T>) {
    this.#options = options;
    host.addController(this);
  }

  async load(): Promise<T | undefined> {
    try {
      return await this.#options.client()?.drafts.load<T>(this.#options.key());
    } catch {
      return undefined;
    }
  }

  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#options.delay ?? 300);
  }

  /** Saves now what is waiting, if anything. */
  async flush(): Promise<void> {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#options.client()?.drafts.save(this.#options.key(), this.#options.value(), { exclude: this.#options.exclude ?? [] }).catch(() => undefined);
  }

  /** Forgets the draft (and what was waiting to be saved). */
  async clear(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#options.client()?.drafts.clear(this.#options.key()).catch(() => undefined);
  }

  hostDisconnected(): void {
    void this.flush();
  }
}
