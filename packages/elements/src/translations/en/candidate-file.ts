import type { candidateFile as fr } from '../fr/candidate-file.js';

export const candidateFile: typeof fr = {
  title: '{name}’s file',
  pages: 'Pages of the file',
  login: 'Login:',
  envelope: {
    sent: 'The password was e-mailed to the candidate.',
    awaiting: 'The password was e-mailed to the candidate; they have not clicked the acknowledgment link yet.',
    acknowledged: 'The candidate acknowledged the e-mail with their password on {date}.',
  },
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  saving: 'Saving…',
  saved: 'The file is saved.',
  editing: 'Editing: change the pages of the file, then click “Save”.',
  newPassword: 'Leave the password empty to keep it.',
  delete: 'Delete',
  deleteTitle: 'Delete the candidate',
  deleteConfirm: 'Delete the candidate “{name}”? Their account and file will be deleted for good.',
  deleting: 'Deleting…',
  deleted: 'The candidate “{name}” was deleted.',
  back: 'Back to the candidates table',
  result: 'Exam result',
  assignment: 'Assigned exam',
  notFound: 'This candidate does not exist, or no longer does.',
};
