import { svg, type SVGTemplateResult } from 'lit';

/**
 * The few icons of the manual's icon actions, drawn as Lucide draws them
 * (24 × 24, stroke `currentColor`; Lucide is ISC-licensed), inlined so the
 * bundle carries only these paths. Always inside a button that has an
 * accessible name: the SVG itself is `aria-hidden`.
 */
const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg class="icon" aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const icons = {
  /** A date field's calendar button (Lucide `calendar`). */
  calendar: icon(svg`<rect width="18" height="18" x="3" y="4" rx="2"/><path d="M16 2v4"/><path d="M8 2v4"/><path d="M3 10h18"/>`),
  /** « Afficher les candidats du groupe » (Lucide `users`). */
  users: icon(svg`<path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M22 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>`),
  /** « Réafficher » (Lucide `eye`). */
  eye: icon(svg`<path d="M2 12s3-7 10-7 10 7 10 7-3 7-10 7-10-7-10-7Z"/><circle cx="12" cy="12" r="3"/>`),
  /** « Masquer » (Lucide `eye-off`). */
  eyeOff: icon(
    svg`<path d="M9.88 9.88a3 3 0 1 0 4.24 4.24"/><path d="M10.73 5.08A10.43 10.43 0 0 1 12 5c7 0 10 7 10 7a13.16 13.16 0 0 1-1.67 2.68"/><path d="M6.61 6.61A13.53 13.53 0 0 0 2 12s3 7 10 7a9.74 9.74 0 0 0 5.39-1.61"/><line x1="2" x2="22" y1="2" y2="22"/>`,
  ),
  /** « Supprimer » (Lucide `trash-2`). */
  trash: icon(
    svg`<path d="M3 6h18"/><path d="M19 6v14c0 1-1 2-2 2H7c-1 0-2-1-2-2V6"/><path d="M8 6V4c0-1 1-2 2-2h4c1 0 2 1 2 2v2"/><line x1="10" x2="10" y1="11" y2="17"/><line x1="14" x2="14" y1="11" y2="17"/>`,
  ),
  /** « Dissocier » (Lucide `user-minus`). */
  userMinus: icon(svg`<path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><line x1="22" x2="16" y1="11" y2="11"/>`),
  /** « Valider et régler une commande » (§4.4; Lucide `credit-card`). */
  creditCard: icon(svg`<rect width="20" height="14" x="2" y="5" rx="2"/><line x1="2" x2="22" y1="10" y2="10"/>`),
  /** « Editer » (Lucide `pencil`). */
  pencil: icon(svg`<path d="M17 3a2.85 2.83 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5Z"/><path d="m15 5 4 4"/>`),
};

/** Saves `blob` as `name` through an object URL and a hidden `<a download>` appended to `root`. */
export function downloadBlob(blob: Blob, name: string, root: Node): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
