import type { resultCard as fr } from '../fr/result-card.js';

export const resultCard: typeof fr = {
  title: 'Latest exam result',
  score: 'Score:',
  takenAt: 'Taken on:',
  validUntil: 'Valid until:',
  publicCode: 'Public code:',
  validation: 'Validation:',
  pending: 'Waiting for an examiner’s validation',
  report: 'Open the detailed report',
  registration: 'Open the registration certificate',
  attendance: 'Open the attendance certificate',
  generateRegistration: 'Generate the certificate',
  registrationIntro: 'The candidate is registered for “{examType}” and has not taken it yet: their registration certificate is available.',
  newTab: '(opens in a new tab)',
  preparing: 'Preparing the document…',
  opened: 'The document is open in a new tab.',
  downloaded: 'The document is downloaded.',
  none: 'This candidate has not taken an exam yet.',
};
