/**
 * The site's own words (the shell, login, profile, home), in the manual's
 * French. The elements carry their own catalogues; enumeration labels come
 * from the domain (`LABELS`, `examTypeLabel`).
 */
export const TEXT = {
  siteName: 'Certification Le Robert',
  siteTagline: "Plateforme d'administration",
  skipLink: 'Aller au contenu',
  mainMenu: 'Menu principal',
  soon: 'bientôt',
  loading: 'Chargement…',
  networkError: 'Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.',
  unexpectedError: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
  retry: 'Réessayer',

  menu: { home: 'Accueil', orders: 'Mes commandes', groups: 'Groupes', candidates: 'Candidats' },

  profileMenu: {
    /** The visible initials first (WCAG 2.5.3: the name holds the visible label). */
    button: (initials: string, name: string) => `${initials} — Menu du profil de ${name}`,
    profile: 'Mon profil',
    password: 'Changer mon mot de passe',
    logout: 'Se déconnecter',
    space: (name: string) => `Espace « ${name} »`,
  },

  login: {
    title: 'Connexion',
    lead: "Connectez-vous avec votre compte administrateur (courriel et mot de passe).",
    email: 'Identifiant (courriel)',
    password: 'Mot de passe',
    submit: 'Connexion',
    submitting: 'Connexion…',
    forgot: 'Mot de passe oublié ?',
    emailMissing: 'Saisissez votre identifiant (votre courriel).',
    passwordMissing: 'Saisissez votre mot de passe.',
    forgotNeedsEmail: 'Saisissez votre identifiant (votre courriel), puis cliquez de nouveau sur « Mot de passe oublié ? ».',
    forgotSent: (email: string) =>
      `Si un compte administrateur correspond à ${email}, un courriel vient d'y être envoyé : suivez ses instructions pour choisir un nouveau mot de passe.`,
    loggedOut: 'Vous êtes déconnecté.',
  },

  reset: {
    title: 'Choisir un nouveau mot de passe',
    password: 'Nouveau mot de passe',
    confirmation: 'Confirmation du mot de passe',
    submit: 'Enregistrer le mot de passe',
    done: 'Votre mot de passe est enregistré. Vous pouvez vous connecter.',
    toLogin: 'Aller à la page de connexion',
    noToken: "Ce lien n'est pas complet. Ouvrez le lien reçu par courriel, ou demandez-en un nouveau depuis la page de connexion (« Mot de passe oublié ? »).",
    mismatch: 'Les deux mots de passe ne sont pas identiques.',
  },

  profile: {
    title: 'Mon profil',
    tabs: 'Fiche de profil',
    tabProfile: 'Profil',
    tabPassword: 'Mot de passe',
    lastName: 'Nom',
    firstName: 'Prénom',
    email: 'Courriel',
    edit: 'Modifier',
    save: 'Enregistrer',
    cancel: 'Annuler',
    saved: 'Votre profil est enregistré.',
    current: 'Mot de passe actuel',
    next: 'Nouveau mot de passe',
    confirmation: 'Confirmation du nouveau mot de passe',
    changePassword: 'Changer mon mot de passe',
    passwordChanged: 'Votre mot de passe est modifié. Vos autres sessions ont été fermées.',
  },

  home: {
    title: 'Accueil',
    stock: 'Certifications restantes',
    candidates: 'Candidats',
    groups: 'Groupes',
    toAssign: 'Certification(s) à attribuer',
    scheduled: 'Certification(s) en attente',
    taken: 'Certification(s) passée(s)',
    noStock: 'Aucune certification en stock.',
    order: 'Commander',
    lowStock: 'Stock faible :',
    lowStockType: (type: string, n: number) => `${type} (${n} restante${n > 1 ? 's' : ''})`,
    createCandidate: 'Créer un candidat',
    showCodes: 'Afficher les codes',
    createGroup: 'Créer un groupe',
    operator: "Vous êtes connecté en tant qu'opérateur : ce site est celui des administrateurs d'un espace. Le back-office des opérateurs n'est pas encore construit.",
  },

  notBuilt: {
    groups: "La page « Groupes » n'est pas encore construite : elle arrive avec le tableau des groupes (§ 5 du manuel). En attendant, les groupes se gèrent par l'API (/api/v1/groups).",
  },

  candidateFile: { title: 'Dossier du candidat' },

  notFound: {
    title: 'Page introuvable',
    body: "Cette adresse ne correspond à aucune page de la plateforme d'administration.",
    home: "Retour à l'accueil",
  },

  titleSuffix: "Certification Le Robert — Administration",
} as const;
