/** <clr-session-picker> in French: the words of the manual's §6.5. */
export const sessionPicker = {
  title: 'Sélection d’une session de passage dans un centre La Poste',
  intro: 'Choix du centre d’examen et de l’horaire de passage :',
  city: 'Ville',
  centre: 'Centre d’examen',
  time: 'Date et horaire de passage',
  chooseCity: 'Choisissez une ville',
  chooseCentre: 'Choisissez un centre',
  chooseTime: 'Choisissez un horaire',
  cityFirst: 'Choisissez d’abord une ville.',
  centreFirst: 'Choisissez d’abord un centre d’examen.',
  seatsOne: '1 place restante',
  seats: '{n} places restantes',
  notEnoughSeats: '{n} places restantes : il en faut {needed}.',
  empty: 'Aucune session à venir n’a de place libre dans les centres La Poste. Réessayez plus tard.',
  back: 'Retour',
  select: 'Sélectionner la session',
  chooseFirst: 'Choisissez une ville, un centre d’examen et un horaire de passage.',
  /** « Mardi 17 avril 2018 - 09 h 00 ». */
  at: '{day} - {hour} h {minute}',
};
