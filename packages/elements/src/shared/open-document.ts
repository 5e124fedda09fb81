import type { ClrFile } from '@clr/sdk';

/** How long an object URL handed to a tab or a download stays valid (the tab has read it long before). */
const REVOKE_AFTER_MS = 60_000;

/**
 * A tab for a document that is still being fetched: opened at once, while the
 * click still counts as the user's (a tab opened after an `await` is blocked
 * as a pop-up), showing `waiting` until the document comes. `null` when the
 * browser refused it: {@link showDocument} then downloads instead.
 */
export function openDocumentTab(waiting: string): Window | null {
  const tab = window.open('', '_blank');
  if (!tab) return null;
  try {
    tab.document.title = waiting;
    tab.document.body.textContent = waiting;
  } catch {
    // A browser may not let the opener write into the blank tab: the tab simply stays blank.
  }
  return tab;
}

/**
 * Shows a fetched document: a PDF in its tab (the browser's viewer, from which
 * it can be downloaded), anything else — a ZIP — downloaded under the server's
 * file name. Returns how it was shown.
 */
export function showDocument(file: ClrFile, tab: Window | null, fallbackName: string): 'tab' | 'download' {
  const url = URL.createObjectURL(file.blob);
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  if (tab && !tab.closed && file.contentType.startsWith('application/pdf')) {
    tab.location.href = url;
    return 'tab';
  }
  tab?.close();
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename ?? fallbackName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  return 'download';
}
