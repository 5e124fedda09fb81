import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a modal's Tab loop may land on. */
const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex], summary';

/** The focused element, looking inside shadow roots (null for the page's body). */
export function deepActiveElement(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/** The controls of `root` that Tab can reach, in order (visible, enabled, tabindex ≥ 0). */
export function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.hasAttribute('disabled') && !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

/** How a {@link ModalController} finds its `<dialog>` and what it tells the host. */
export interface ModalOptions {
  /** The host's `<dialog>` element (rendered by the host; found once it is there). */
  dialog: () => HTMLDialogElement | null | undefined;
  /** What receives the focus on opening. Default: the first `[autofocus]`, else the first control. */
  initialFocus?: () => HTMLElement | null | undefined;
  /** Called once the dialog closed, however (Escape, `close()`), after the focus went back. */
  onClose?: (returnValue: string) => void;
  /** Whether Escape may close it now (e.g. not while saving). Default: always. */
  canDismiss?: () => boolean;
}

/**
 * A modal dialog's behaviour, as a Lit reactive controller, over a native
 * `<dialog>` opened with `showModal()` (the page behind is inert): the focus
 * moves in on opening, Tab and Shift+Tab loop inside, Escape closes, and the
 * focus goes back to what had it before (the opener) on closing.
 *
 *   #modal = new ModalController(this, { dialog: () => this.renderRoot.querySelector('dialog'), onClose: () => (this.open = false) });
 *   updated(changed) { if (changed.has('open')) this.#modal.toggle(this.open); }
 */
export class ModalController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ModalOptions;
  #opener: HTMLElement | null = null;
  #bound: HTMLDialogElement | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ModalOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.#options.dialog()?.open ?? false;
  }

  /** What had the focus when the dialog opened (where it goes back on closing). */
  get opener(): HTMLElement | null {
    return this.#opener;
  }

  /** Opens (`true`) or closes (`false`) the dialog: call from the host's `updated()` when its `open` changes. */
  toggle(open: boolean): void {
    if (open) this.show();
    else this.close();
  }

  /** Opens the dialog modally, remembering the opener and moving the focus in. */
  show(): void {
    const dialog = this.#dialog();
    if (!dialog || dialog.open || !this.#host.isConnected) return;
    this.#opener = deepActiveElement();
    dialog.showModal();
    this.focusFirst();
  }

  /** Closes the dialog (the focus goes back to the opener, `onClose` is called). */
  close(returnValue?: string): void {
    const dialog = this.#options.dialog();
    if (dialog?.open) dialog.close(returnValue);
  }

  /** Moves the focus to the initial control (again, e.g. after the dialog's content changed). */
  focusFirst(): void {
    const dialog = this.#options.dialog();
    if (!dialog) return;
    const target = this.#options.initialFocus?.() ?? dialog.querySelector<HTMLElement>('[autofocus]') ?? tabbables(dialog)[0];
    target?.focus();
  }

  hostUpdated(): void {
    this.#dialog();
  }

  hostDisconnected(): void {
    const dialog = this.#bound;
    if (dialog?.open) dialog.close();
  }

  /** The dialog, with the controller's listeners on it. */
  #dialog(): HTMLDialogElement | null {
    const dialog = this.#options.dialog() ?? null;
    if (dialog && dialog !== this.#bound) {
      this.#bound?.removeEventListener('keydown', this.#onKeyDown);
      this.#bound?.removeEventListener('close', this.#onClose);
      this.#bound?.removeEventListener('cancel', this.#onCancel);
      dialog.addEventListener('keydown', this.#onKeyDown);
      dialog.addEventListener('close', this.#onClose);
      dialog.addEventListener('cancel', this.#onCancel);
      this.#bound = dialog;
    }
    return dialog;
  }

  readonly #onCancel = (event: Event): void => {
    if (event.target === this.#bound && this.#options.canDismiss && !this.#options.canDismiss()) event.preventDefault();
  };

  readonly #onClose = (event: Event): void => {
    if (event.target !== this.#bound) return;
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    this.#options.onClose?.(this.#bound?.returnValue ?? '');
  };

  /** Tab and Shift+Tab stay inside the dialog, whatever the browser does past its last control. */
  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const dialog = this.#bound;
    // A dialog opened inside this one handles its own keys.
    if (!dialog || event.composedPath().find((n) => n instanceof HTMLDialogElement) !== dialog) return;
    if (event.key === 'Escape' && !event.defaultPrevented) {
      // Chromium skips the cancel event for a second Escape without user activation: close here, as it would.
      event.preventDefault();
      if (!this.#options.canDismiss || this.#options.canDismiss()) dialog.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = tabbables(dialog);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const root = this.#host.shadowRoot;
    const active = (root?.activeElement ?? document.activeElement) as HTMLElement | null;
    const inside = active !== null && items.includes(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };
}
