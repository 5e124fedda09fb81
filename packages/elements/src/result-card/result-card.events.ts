import type { DocumentKind } from '@clr/domain';
import { ClrEvent } from '../shared/events.js';

export interface DocumentOpenDetail {
  kind: DocumentKind;
  candidateIds: string[];
  /** `tab`: the PDF is open in a new tab; `download`: saved (a ZIP, or the browser refused the tab). */
  shown: 'tab' | 'download';
}

/** A document was opened in a new tab or downloaded (§6.10–6.12). */
export class ClrDocumentOpenEvent extends ClrEvent<DocumentOpenDetail> {
  static readonly type = 'clr-document-open';
  constructor(detail: DocumentOpenDetail) {
    super(ClrDocumentOpenEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-document-open': ClrDocumentOpenEvent;
  }
}
