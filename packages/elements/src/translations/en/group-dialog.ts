import type { groupDialog as fr } from '../fr/group-dialog.js';

/** <clr-group-dialog> in English. */
export const groupDialog: typeof fr = {
  createTitle: 'Create a group',
  editTitle: 'Edit the group',
  name: 'Group name',
  category: 'Group category',
  chooseCategory: '-- Select a category --',
  required: '* Required fields',
  categoriesIntro: 'What the group categories are for:',
  categoryHelp: {
    client: "For the approved partners of the Certification Le Robert: it groups the candidates coming from the same client.",
    class: 'For schools and universities: it groups the candidates of the same class or year.',
    exam_session: 'Groups the candidates who take their exam during the same session.',
    other: 'Chosen when no other category fits.',
  },
  cancel: 'Cancel',
  create: 'Create the group',
  save: 'Save',
  saving: 'Saving…',
  created: 'The group “{name}” has been created: it appears in the groups table.',
  saved: 'The group “{name}” has been updated.',
  continue: 'Continue',
  close: 'Close',
  errorSummary: 'The group was not saved:',
};
