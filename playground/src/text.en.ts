import type { SiteText } from './text.js';

/** The site's own words in English: the keys of `text.ts`, shown under `lang="en"`. */
export const EN: SiteText = {
  siteName: 'Certification Le Robert',
  siteTagline: 'Administration platform',
  skipLink: 'Skip to content',
  mainMenu: 'Main menu',
  menuButton: 'Menu',
  loading: 'Loading…',
  networkError: 'The server does not answer. Check your connection, then try again.',
  unexpectedError: 'An unexpected error occurred. Try again in a moment.',
  retry: 'Try again',

  menu: { home: 'Home', orders: 'My orders', groups: 'Groups', candidates: 'Candidates' },
  toasts: 'Notifications',
  closeToast: 'Close the notification',

  profileMenu: {
    button: (initials: string, name: string) => `${initials} — Profile menu of ${name}`,
    profile: 'My profile',
    password: 'Change my password',
    logout: 'Sign out',
    help: 'Help',
    otherLanguage: 'Français',
    otherLanguageLabel: 'Show the site in French (Français)',
    space: (name: string) => `Space “${name}”`,
  },

  login: {
    title: 'Sign in',
    lead: 'Sign in with your administrator account (e-mail and password).',
    email: 'Login (e-mail)',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    forgot: 'Forgot your password?',
    emailMissing: 'Enter your login (your e-mail).',
    passwordMissing: 'Enter your password.',
    forgotNeedsEmail: 'Enter your login (your e-mail), then click “Forgot your password?” again.',
    forgotSent: (email: string) =>
      `If an administrator account matches ${email}, an e-mail has just been sent to it: follow its instructions to choose a new password.`,
    loggedOut: 'You are signed out.',
  },

  reset: {
    title: 'Choose a new password',
    password: 'New password',
    confirmation: 'Password confirmation',
    submit: 'Save the password',
    done: 'Your password is saved. You can sign in.',
    toLogin: 'Go to the sign-in page',
    noToken: 'This link is incomplete. Open the link received by e-mail, or ask for a new one from the sign-in page (“Forgot your password?”).',
    mismatch: 'The two passwords are not the same.',
  },

  profile: {
    title: 'My profile',
    tabs: 'Profile card',
    tabProfile: 'Profile',
    tabPassword: 'Password',
    lastName: 'Last name',
    firstName: 'First name',
    email: 'E-mail',
    edit: 'Edit',
    save: 'Save',
    cancel: 'Cancel',
    saved: 'Your profile is saved.',
    emailPassword: 'Current password (to change your e-mail)',
    emailPasswordHint: 'Your e-mail is your login: enter your current password to change it.',
    emailPasswordMissing: 'Enter your current password to change your e-mail.',
    current: 'Current password',
    next: 'New password',
    confirmation: 'New password confirmation',
    changePassword: 'Change my password',
    passwordChanged: 'Your password is changed. Your other sessions have been closed.',
  },

  orders: {
    title: 'My orders',
    order: 'Order certifications',
    cartTitle: 'Place a new order',
    validationTitle: 'Order confirmation',
    close: 'Close',
    stock: 'Certifications in stock',
    noStock: 'No certification in stock: click “Order certifications” to order some.',
    lastOrder: (date: string) => `Last order placed on ${date}.`,
    noOrder: 'You have not placed any order yet.',
    created: (number: string) => `Order ${number} created: it shows as “In progress” in the orders table.`,
  },

  help: {
    title: 'Help',
    lead: 'The help site for administrators holds the platform’s documentation and a contact form.',
    open: 'Open the help',
    opensElsewhere: '(opens in a new tab)',
    contactTitle: 'Contact us',
    contactBefore: 'For any question about your space, your orders or your candidates, write to our customer service: ',
  },

  home: {
    title: 'Home',
    stock: 'Remaining certifications',
    candidates: 'Candidates',
    groups: 'Groups',
    toAssign: 'Certification(s) to assign',
    scheduled: 'Certification(s) pending',
    taken: 'Certification(s) taken',
    noStock: 'No certification in stock.',
    order: 'Order',
    createCandidate: 'Create a candidate',
    showCodes: 'Show the codes',
    createGroup: 'Create a group',
    lowStock: 'Low stock:',
    lowStockType: (type: string, n: number) => `${type} (${n} left)`,
    operator:
      "You are signed in as an operator: this site is for a space's administrators. Sign in with a space's administrator account to manage its orders, groups and candidates.",
  },

  candidateFile: { title: 'Candidate file' },

  notFound: {
    title: 'Page not found',
    body: 'This address matches no page of the administration platform.',
    home: 'Back to the home page',
  },

  titleSuffix: 'Certification Le Robert — Administration',
};
