/** <clr-group-dialog> in French (the manual's words, §5.3, §5.8). */
export const groupDialog = {
  createTitle: "Création d'un groupe",
  editTitle: 'Editer le groupe',
  name: 'Nom du groupe',
  category: 'Catégorie de groupe',
  chooseCategory: '-- Sélectionnez une catégorie --',
  required: '* Champs requis',
  categoriesIntro: 'Voici à quoi correspondent les différentes catégories de groupes :',
  categoryHelp: {
    client:
      "Cette catégorie est à l'usage des partenaires agréés de la Certification Le Robert. Elle leur permet de regrouper les candidats provenant d'un même client.",
    class:
      "Cette catégorie est à l'usage des établissements d'enseignement. Elle leur permet de regrouper les candidats qui appartiennent à la même classe ou promotion.",
    exam_session: 'Cette catégorie sert à regrouper les candidats qui passent leur examen durant la même session.',
    other: 'Cette catégorie est choisie si aucune autre catégorie ne convient.',
  },
  cancel: 'Annuler',
  create: 'Créer le groupe',
  save: 'Sauvegarder',
  saving: 'Enregistrement…',
  created: 'Le groupe « {name} » a bien été créé : il apparaît dans le tableau des groupes.',
  saved: 'Le groupe « {name} » a été modifié.',
  continue: 'Continuer',
  close: 'Fermer',
  errorSummary: 'Le groupe n’a pas été enregistré :',
};
