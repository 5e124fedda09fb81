/** Strings every element shares (French: the manual's wording). */
export const common = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  close: 'Fermer',
  cancel: 'Annuler',
  noClient: 'Aucun client API n’est fourni à cet élément (propriété « client » ou contexte).',
  networkError: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
  unexpectedError: 'Une erreur inattendue est survenue.',
  candidatesOne: '{n} candidat',
  candidatesOther: '{n} candidats',
  candidatesShown: '{n} candidats affichés sur {total}',
  datePlaceholder: 'jj/mm/aaaa',
  pickDate: 'Choisir la date dans le calendrier : {label}',
  dateInvalid: 'Saisissez une date au format jj/mm/aaaa.',
};
