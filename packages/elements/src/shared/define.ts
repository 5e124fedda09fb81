/**
 * Registers a custom element once. A portal may load two copies of the
 * library (two bundles, two versions): the second definition of a tag warns
 * and keeps the first instead of throwing `NotSupportedError`.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === ctor) return;
  if (existing) {
    console.warn(`<${tag}> est déjà défini sur cette page : la première définition est conservée.`);
    return;
  }
  customElements.define(tag, ctor);
}
