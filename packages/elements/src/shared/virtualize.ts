import type { ChildPart } from 'lit';
import { directive, type DirectiveResult, type PartInfo } from 'lit/directive.js';
import type { AsyncDirective } from 'lit/async-directive.js';
import { getCommittedValue, getDirectiveClass } from 'lit/directive-helpers.js';
import { virtualize as litVirtualize, type VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';

export { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';

/** The directive class behind `@lit-labs/virtualizer`'s `virtualize()`. */
const LitVirtualizeDirective = getDirectiveClass(litVirtualize({ items: [] })) as unknown as new (part: PartInfo) => AsyncDirective;

/**
 * `virtualize()` whose rendered range leaves nothing behind. `repeat` in
 * lit-html 3.3 removes an item's content and start marker but not its end
 * marker (an empty comment), and the virtualizer removes every row that
 * scrolls out: scrolling 100,000 rows left 100,000 comments beside the few
 * rows shown, and the virtualizer walks the rows' box once per row on every
 * update (`_children`), so each frame grew with the rows scrolled past. After
 * each range is rendered, the comments that are no longer the marker of a
 * rendered row are removed.
 */
class VirtualizeDirective extends LitVirtualizeDirective {
  #part: ChildPart | undefined;

  override render(config?: unknown): unknown {
    return LitVirtualizeDirective.prototype.render.call(this, config);
  }

  override update(part: ChildPart, props: unknown[]): unknown {
    this.#part = part;
    const value = super.update(part, props);
    queueMicrotask(() => this.#sweep());
    return value;
  }

  /** The range changed (the virtualizer's `rangeChanged`): the rows are committed at once, then swept. */
  override setValue(value: unknown): void {
    const host = this.#part?.parentNode;
    const before = host ? [...host.childNodes].filter((node): node is Element => node.nodeType === Node.ELEMENT_NODE) : [];
    super.setValue(value);
    this.#unobserve(before);
    this.#sweep();
  }

  /**
   * The virtualizer observes the size of every row it renders and never stops
   * (@lit-labs/virtualizer 2.1): a ResizeObserver holds its targets, so every
   * row ever scrolled past stayed in memory and in the browser's resize checks
   * of each frame. The rows that left are no longer observed.
   */
  #unobserve(before: readonly Element[]): void {
    const observer = (this as unknown as { _virtualizer?: { _childrenRO?: ResizeObserver | null } | null })._virtualizer?._childrenRO;
    if (!observer) return;
    for (const element of before) if (!element.isConnected) observer.unobserve(element);
  }

  #sweep(): void {
    const part = this.#part;
    const start = part?.startNode;
    if (!part || !start || !this.isConnected) return;
    const items = getCommittedValue(part);
    if (!Array.isArray(items)) return;
    const markers = new Set<Node | null>();
    for (const item of items as ChildPart[]) {
      markers.add(item.startNode);
      markers.add(item.endNode);
    }
    const end = part.endNode;
    for (let node = start.nextSibling; node && node !== end; ) {
      const next = node.nextSibling;
      if (node.nodeType === Node.COMMENT_NODE && !markers.has(node)) node.remove();
      node = next;
    }
  }
}

/** Same as `@lit-labs/virtualizer`'s `virtualize()` (its config, its `virtualizerRef`), without the markers of scrolled-out rows left behind. */
export const virtualize = directive(VirtualizeDirective) as unknown as <T>(config?: VirtualizeDirectiveConfig<T>) => DirectiveResult;
