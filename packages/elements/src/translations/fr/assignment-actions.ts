/** <clr-assignment-actions> in French: the buttons of a candidate's file (§6.5–6.7). */
export const assignmentActions = {
  label: 'Attribution de la certification',
  assign: 'Attribuer une certification',
  newAssignment: 'Nouvelle attribution',
  modify: 'Modifier l’attribution',
  showCode: 'Afficher le code',
  none: 'Aucun examen attribué.',
  current: '{type} — {status}',
  currentDate: '{type} — {status}, le {date}',
  deadline: 'Date limite de passage : {date}',
  noCode: 'Cet examen se déroule dans un centre La Poste : son code d’activation est détenu par le centre.',
};
