/**
 * `<clr-story-root>`: what a portal's page does for the elements, around each
 * story — provides the SDK client through `clrClientContext` and carries the
 * page's `lang`. Written without decorators: `.storybook/` is outside the
 * repository's TypeScript program.
 */
import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import type { ClrClient } from '@clr/sdk';
import { clrClientContext } from '@clr/elements';

export class ClrStoryRoot extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  readonly #provider = new ContextProvider(this, { context: clrClientContext });

  /** The client every element of the story receives through the context. */
  get client(): ClrClient | undefined {
    return this.#provider.value;
  }

  set client(client: ClrClient | undefined) {
    if (client) this.#provider.setValue(client);
  }

  override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('clr-story-root')) customElements.define('clr-story-root', ClrStoryRoot);

declare global {
  interface HTMLElementTagNameMap {
    'clr-story-root': ClrStoryRoot;
  }
}
