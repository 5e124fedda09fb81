import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { translateMessage, type FieldError, type Locale } from '@clr/domain';
import { ClrApiError, ClrNetworkError, isAbortError, type ClrClient } from '@clr/sdk';
import { CATALOGUES, format, type Catalogue } from '../translations/index.js';
import { clrClientContext } from './context.js';
import { defaultApiUrl, tokenUrlClient } from './token-client.js';
import { nearestLang, toLocale } from './locale.js';

/** What an element shows for a failed call: the API's French message (translated when the page is English) and each field's message. */
export interface ShownError {
  message: string;
  fields: FieldError[];
}

/**
 * Base of every `clr-…` element: the SDK client (the `.client` property, the
 * one provided through `@lit/context`, or one of its own that fetches embed
 * tokens from `token-url`), the catalogue of the nearest `lang` (re-read when
 * that attribute changes), and the French/English text of an API error.
 */
export class ClrElement extends LitElement {
  /** The SDK client; when unset, the one provided through `clrClientContext` is used, else the `token-url` one. */
  @property({ attribute: false })
  client: ClrClient | undefined;

  /**
   * A URL of the portal's own back end that answers an embed token
   * (`{ token, expiresAt }`, as `apiKeys.createEmbedToken` gives it): the
   * element then talks to the CLR server with the tokens it fetches there,
   * fetching the next one before each expires. Elements of one page share them.
   */
  @property({ attribute: 'token-url', reflect: true })
  tokenUrl: string | undefined;

  /** The CLR server, with `token-url` (default: the server the script was loaded from). */
  @property({ attribute: 'api-url', reflect: true })
  apiUrl: string | undefined;

  @consume({ context: clrClientContext, subscribe: true })
  @state()
  protected contextClient: ClrClient | undefined;

  /** `fr` or `en`, from the nearest `lang` attribute (the element's own included). */
  @state()
  protected locale: Locale = 'fr';

  #langObserver: MutationObserver | undefined;

  /** The client in use, or `undefined` while none is given. */
  protected get api(): ClrClient | undefined {
    return this.client ?? this.contextClient ?? (this.tokenUrl ? tokenUrlClient(this.apiUrl ?? defaultApiUrl(), this.tokenUrl) : undefined);
  }

  protected get t(): Catalogue {
    return CATALOGUES[this.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watchLang();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    this.#langObserver = undefined;
  }

  #watchLang(): void {
    this.#langObserver?.disconnect();
    const found = nearestLang(this);
    this.locale = toLocale(found?.lang ?? document.documentElement.lang);
    this.#langObserver = new MutationObserver(() => this.#watchLang());
    // The holder's lang may change, or a nearer ancestor (ourselves included) may gain one.
    this.#langObserver.observe(found?.holder ?? document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    if (found?.holder !== this) this.#langObserver.observe(this, { attributes: true, attributeFilter: ['lang'] });
  }

  /** The message to show for `error` in the page's language (the API speaks French). */
  protected describeError(error: unknown): ShownError {
    if (error instanceof ClrApiError) {
      const translate = (text: string) => (this.locale === 'fr' ? text : translateMessage(text, this.locale));
      return {
        message: translate(error.detail),
        fields: error.errors.map((field) => ({ ...field, message: translate(field.message) })),
      };
    }
    if (error instanceof ClrNetworkError) return { message: this.t.common.networkError, fields: [] };
    return { message: this.t.common.unexpectedError, fields: [] };
  }

  /**
   * How many candidates a list shows: « 1 candidat », « 19 candidats » once
   * every row is loaded (the language's plural rules), else « 15 candidats
   * affichés sur 40 ».
   */
  protected candidatesShown(shown: number, total: number | null): string {
    const t = this.t.common;
    const all = total ?? shown;
    if (shown < all) return format(t.candidatesShown, { n: shown, total: all });
    return format(new Intl.PluralRules(this.locale).select(all) === 'one' ? t.candidatesOne : t.candidatesOther, { n: all });
  }

  /** Whether `error` is only the cancellation of a superseded call. */
  protected isAbort(error: unknown): boolean {
    return isAbortError(error);
  }
}
