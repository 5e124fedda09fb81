import { SITE_LOCALE } from './locale.js';
import { EN } from './text.en.js';

/**
 * The site's own words (the shell, login, profile, home), in the manual's
 * French; `text.en.ts` holds the same keys in English, and `TEXT` is the
 * catalogue of the page's language (`SITE_LOCALE`). The elements carry their
 * own catalogues; enumeration labels come from the domain (`LABELS`,
 * `examTypeLabel`).
 */
export const FR = {
  siteName: 'Certification Le Robert',
  siteTagline: "Plateforme d'administration",
  skipLink: 'Aller au contenu',
  mainMenu: 'Menu principal',
  menuButton: 'Menu',
  loading: 'Chargement…',
  networkError: 'Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.',
  unexpectedError: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
  retry: 'Réessayer',

  menu: { home: 'Accueil', orders: 'Mes commandes', groups: 'Groupes', candidates: 'Candidats' },
  /** Confirmations and results, announced by the one live region of the page. */
  toasts: 'Notifications',
  closeToast: 'Fermer la notification',

  profileMenu: {
    /** The visible initials first (WCAG 2.5.3: the name holds the visible label). */
    button: (initials: string, name: string) => `${initials} — Menu du profil de ${name}`,
    profile: 'Mon profil',
    password: 'Changer mon mot de passe',
    logout: 'Se déconnecter',
    help: 'Aide',
    integration: 'Intégration',
    /** The other language, in its own words (the switch of the profile menu). */
    otherLanguage: 'English',
    otherLanguageLabel: 'Afficher le site en anglais (English)',
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
    emailPassword: 'Mot de passe actuel (pour changer de courriel)',
    emailPasswordHint: 'Votre courriel est votre identifiant de connexion : saisissez votre mot de passe actuel pour le changer.',
    emailPasswordMissing: 'Saisissez votre mot de passe actuel pour changer de courriel.',
    current: 'Mot de passe actuel',
    next: 'Nouveau mot de passe',
    confirmation: 'Confirmation du nouveau mot de passe',
    changePassword: 'Changer mon mot de passe',
    passwordChanged: 'Votre mot de passe est modifié. Vos autres sessions ont été fermées.',
  },

  orders: {
    title: 'Mes commandes',
    order: 'Commander des certifications',
    cartTitle: 'Passer une nouvelle commande',
    validationTitle: 'Validation de commande',
    close: 'Fermer',
    stock: 'Certifications en stock',
    noStock: 'Aucune certification en stock : cliquez sur « Commander des certifications » pour en commander.',
    lastOrder: (date: string) => `Dernière commande passée le ${date}.`,
    noOrder: "Vous n'avez encore passé aucune commande.",
    created: (number: string) => `Commande ${number} créée : elle s'affiche « En cours » dans le tableau des commandes.`,
  },

  help: {
    title: 'Aide',
    lead: "Le site d'aide pour les administrateurs rassemble la documentation de la plateforme et un formulaire de contact.",
    open: "Consulter l'aide",
    opensElsewhere: "(s'ouvre dans un nouvel onglet)",
    contactTitle: 'Nous contacter',
    contactBefore: 'Pour toute question sur votre espace, vos commandes ou vos candidats, écrivez à notre service clients : ',
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
    operator: "Vous êtes connecté en tant qu'opérateur : ce site est celui des administrateurs d'un espace. Connectez-vous avec le compte administrateur d'un espace pour gérer ses commandes, ses groupes et ses candidats.",
  },

  candidateFile: { title: 'Dossier du candidat' },

  integration: {
    title: 'Intégration',
    lead: "Pour afficher le tableau des candidats ou les autres composants de la plateforme dans l'intranet de votre organisation : les adresses autorisées à les intégrer, et les clés d'API avec lesquelles votre serveur obtient leurs jetons d'accès.",
    originsTitle: "Origines autorisées à intégrer les composants",
    originsHelp: "L'adresse de chaque site qui affiche les composants, sous la forme https://intranet.exemple.fr (ou avec un port : https://intranet.exemple.fr:8443), sans chemin. Les jetons d'une origine retirée cessent aussitôt de fonctionner.",
    noOrigin: "Aucune origine n'est autorisée : aucun site ne peut encore intégrer les composants.",
    originPlaceholder: 'https://intranet.exemple.fr',
    origin: "Nouvelle origine",
    originMissing: "Saisissez l'adresse du site, par exemple https://intranet.exemple.fr.",
    addOrigin: "Autoriser cette origine",
    originAdded: (origin: string) => `L'origine ${origin} est autorisée.`,
    remove: 'Retirer',
    removeOrigin: (origin: string) => `Retirer l'origine ${origin}`,
    removeOriginTitle: 'Retirer une origine',
    confirmRemoveOrigin: (origin: string) => `Voulez-vous vraiment retirer l'origine ${origin} ? Les composants intégrés sur ce site cesseront aussitôt de fonctionner.`,
    originRemoved: (origin: string) => `L'origine ${origin} n'est plus autorisée.`,
    keysTitle: "Clés d'API",
    keysHelp: "Votre serveur (jamais le navigateur) utilise une clé pour obtenir les jetons d'intégration, ou pour appeler l'API. Le secret d'une clé n'est affiché qu'une fois, à sa création.",
    noKey: "Aucune clé d'API.",
    keyName: 'Nom de la clé',
    keyNamePlaceholder: 'Intranet RH',
    keyNameMissing: 'Donnez un nom à la clé, pour la reconnaître (par exemple « Intranet RH »).',
    keyPrefix: 'Début de la clé',
    lastUsed: 'Dernière utilisation',
    neverUsed: 'Jamais',
    actions: 'Actions',
    createKey: 'Créer une clé',
    secretOnce: (name: string) => `Voici le secret de la clé « ${name} ». Copiez-le maintenant dans la configuration de votre serveur : il ne sera plus jamais affiché.`,
    secretLabel: (name: string) => `Secret de la clé « ${name} »`,
    copy: 'Copier',
    copied: 'Le secret est copié.',
    revoke: 'Révoquer',
    revokeKey: (name: string) => `Révoquer la clé « ${name} »`,
    revokeTitle: "Révoquer une clé d'API",
    confirmRevoke: (name: string) => `Voulez-vous vraiment révoquer la clé « ${name} » ? Les programmes qui l'utilisent, et leurs jetons d'intégration, cesseront aussitôt de fonctionner.`,
    keyRevoked: (name: string) => `La clé « ${name} » est révoquée.`,
    cancel: 'Annuler',
  },

  notFound: {
    title: 'Page introuvable',
    body: "Cette adresse ne correspond à aucune page de la plateforme d'administration.",
    home: "Retour à l'accueil",
  },

  titleSuffix: "Certification Le Robert — Administration",
} as const;

/** The shape every catalogue of the site has: the French one's keys, any text. A missing English string is a type error. */
export type SiteText = Translation<typeof FR>;
type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends (...args: infer A) => string ? (...args: A) => string : T[K] extends readonly string[] ? readonly string[] : Translation<T[K]>;
};

/** The site's words in the page's language. */
export const TEXT: SiteText = SITE_LOCALE === 'en' ? EN : FR;
