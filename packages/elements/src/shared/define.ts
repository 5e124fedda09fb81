import { ContextRoot } from '@lit/context';

const CONTEXT_ROOT = Symbol.for('clr-elements.context-root');

/**
 * One `@lit/context` root per document, so a client provided *after* an element
 * connected still reaches it: the root keeps the unanswered requests and
 * replays them when a provider appears (`provideClient` called late, or a
 * portal that imports the define modules first).
 */
function ensureContextRoot(): void {
  const holder = globalThis as typeof globalThis & { [CONTEXT_ROOT]?: ContextRoot };
  if (holder[CONTEXT_ROOT] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  holder[CONTEXT_ROOT] = root;
}

/**
 * Registers a custom element once. A portal may load two copies of the
 * library (two bundles, two versions): the second definition of a tag warns
 * and keeps the first instead of throwing `NotSupportedError`.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  ensureContextRoot();
  const existing = customElements.get(tag);
  if (existing === ctor) return;
  if (existing) {
    console.warn(
      document.documentElement.lang.toLowerCase().startsWith('en')
        ? `<${tag}> is already defined on this page (two copies of the CLR elements?): the first definition is kept.`
        : `<${tag}> est déjà défini sur cette page (deux copies des éléments CLR ?) : la première définition est conservée.`,
    );
    return;
  }
  customElements.define(tag, ctor);
}
