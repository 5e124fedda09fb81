import type { common as fr } from '../fr/common.js';

export const common: typeof fr = {
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  cancel: 'Cancel',
  noClient: 'No API client is given to this element (the “client” property or the context).',
  networkError: 'The server does not answer. Check your connection and try again.',
  unexpectedError: 'An unexpected error occurred.',
  candidatesOne: '{n} candidate',
  candidatesOther: '{n} candidates',
  candidatesShown: '{n} candidates shown of {total}',
  datePlaceholder: 'dd/mm/yyyy',
  pickDate: 'Pick the date in the calendar: {label}',
  dateInvalid: 'Type a date as dd/mm/yyyy.',
};
