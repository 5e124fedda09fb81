import type { assignmentActions as fr } from '../fr/assignment-actions.js';

export const assignmentActions: typeof fr = {
  label: 'Certification assignment',
  assign: 'Assign a certification',
  newAssignment: 'New assignment',
  modify: 'Change the assignment',
  showCode: 'Show the code',
  none: 'No exam assigned.',
  current: '{type} — {status}',
  currentDate: '{type} — {status}, on {date}',
  deadline: 'Deadline: {date}',
  noCode: 'This exam takes place at a La Poste centre: the centre holds its activation code.',
};
