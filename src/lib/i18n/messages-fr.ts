// The interface's words in French; loaded for a page read in French (messages.ts).
import type { Status, SourceKind } from '$lib/data/schema';
import { STORY_MAP } from '$lib/data/story-map';
import { formatNumber } from '$lib/i18n/format';

// Counts read as readers write them: "16 772" in French.
const nFr = (n: number) => formatNumber(n, 'fr');

export const fr = {
	appName: 'Carte des affirmations',
	language: 'Langue',
	switchTo: 'English',
	switchToLang: 'en',
	layersLegend: 'Couches et légende',
	keySummary: 'Ce que disent les symboles',
	keySite: 'Lieu clé',
	otherPlace: 'Autre lieu',
	uncertainty: 'Incertitude de position',
	places: 'Lieux',
	claims: 'Affirmations',
	filterPlace: 'Lieu',
	filterLayer: 'Couche',
	all: 'Tous',
	allLayers: 'Toutes',
	showing: (n: number | string, total: number | string) => `${n} sur ${total}`,
	noClaims: 'Aucune affirmation ne correspond à ces filtres.',
	clearSelection: 'Tout afficher',
	scopeHeading: (scope: 'city' | 'elsewhere' | 'country', name: string | null) =>
		scope === 'city'
			? name
				? `À ${name}`
				: 'En ville'
			: scope === 'country'
				? `Tout le pays${name ? ` (${name})` : ''}`
				: 'Ailleurs',
	claimsDatesNote:
		'Affirmations sur des faits survenus ces jours-là ; une affirmation liée à aucun incident compte le jour où elle a été faite.',
	claimMade: (when: string) => `Affirmation faite : ${when}`,
	/** What a count follows, said beside it: null when nothing narrows it. */
	countFollows: (n: { layers: boolean; days: boolean }): string | null =>
		n.layers && n.days
			? 'pour les couches et les jours choisis'
			: n.layers
				? 'pour les couches choisies'
				: n.days
					? 'pour les jours choisis'
					: null,
	noIncidentClaims: (n: number) =>
		n > 1
			? `${nFr(n)} affirmations ne sont liées à aucun incident : aucune couche ne les cache, seuls les jours les filtrent, par le jour où elles ont été faites.`
			: 'Une affirmation n’est liée à aucun incident : aucune couche ne la cache, seuls les jours la filtrent, par le jour où elle a été faite.',
	placesFollow: (follows: string) => `Incidents ${follows}`,
	layerCountsNote: 'Nombres : incidents des jours choisis.',
	countryWide: 'tout le pays',
	attributedTo: 'Attribué à',
	via: 'via',
	paragraph: (n: number) => `§ ${n}`,
	paragraphLong: (n: number) => `paragraphe ${n} de l'article`,
	sources: 'Sources',
	uncertaintyRadius: (m: string) => `Position à ± ${m} m`,
	positionSource: 'D’où vient la position',
	whatHappened: 'Ce qui s’y est passé',
	nothingHere: 'Aucun incident rapporté ici.',
	incident: 'Incident',
	fitToData: 'Voir tous les lieux',
	mapLoading: 'Chargement de la carte…',
	mapNeedsScripts:
		'La carte a besoin de JavaScript. Les lieux, les incidents et les affirmations sont dans le panneau, chacun avec sa propre page.',
	mapFailed: 'La carte n’a pas pu s’afficher sur cet appareil. Le texte reste disponible.',
	streetsCredit:
		STORY_MAP.streets?.credit.fr ??
		'Natural Earth, GeoNames : pas de plan des rues pour cette histoire, seulement les pays et les villes',
	andMore: (n: number) => `et ${n} autre${n > 1 ? 's' : ''}`,
	streetsNote:
		STORY_MAP.streets?.note.fr ??
		'Fond de carte : pays et villes (Natural Earth, GeoNames), sans plan des rues. Il situe les lieux ; il ne dit rien des faits.',
	streetsFailed:
		'Une partie du plan des rues n’a pas pu être chargée. Les lieux et les incidents restent affichés.',
	close: 'Fermer',
	article: 'L’article',
	aboutArticle: 'À propos de l’article',
	version: 'Version des données',
	offlineBanner: (story: string, version: string, madeOn: string) =>
		`Copie hors ligne de « ${story} », version des données ${version}, faite le ${madeOn}. La version en ligne est peut-être plus récente :`,
	offlineDownload: (size: string) => `Télécharger pour lire hors ligne (${size} Mo)`,
	offlineSend: 'Envoyer cette histoire',
	offlineHash: 'Empreinte SHA-256 du fichier :',
	offlineKept: {
		kept: 'Gardée sur cet appareil : le téléchargement et l’envoi marchent sans connexion.',
		keeping: 'Mise de côté sur cet appareil pour la lecture hors ligne…',
		'save-data':
			'Pas gardée sur cet appareil, car votre navigateur demande d’économiser les données : téléchargez-la maintenant si la connexion risque de tomber.',
		'not-kept': 'Pas gardée sur cet appareil : téléchargez-la maintenant si la connexion risque de tomber.',
		'kept-offline': 'Gardée sur cet appareil : le téléchargement et l’envoi marchent sans connexion.',
		'keeping-offline':
			'Indisponible hors ligne : la connexion est tombée avant que cet appareil l’ait gardée.',
		'save-data-offline':
			'Indisponible hors ligne : cet appareil ne l’a pas gardée, car votre navigateur demande d’économiser les données.',
		'not-kept-offline':
			'Indisponible hors ligne : cet appareil ne l’a pas gardée. Elle l’est après une visite avec une connexion.'
	},
	noUrl: 'pas d’adresse publique',
	names: 'Noms',
	basemapTitle: 'Fond de carte',
	basemapEmbedded: 'Intégré (hors ligne, aucun tiers contacté)',
	basemapStreet: (name: string, host: string) => `Plan des rues : ${name} — contacte ${host}`,
	streetMapFailed: (name: string) =>
		`Le plan des rues « ${name} » n’a pas pu être chargé. Le fond de carte intégré est de retour.`,
	timeline: 'Chronologie',
	rangeMeaning: 'Jours où les faits ont eu lieu',
	skipToClaims: 'Aller aux affirmations',
	skipToMap: 'Aller à la carte',
	mapItems: 'Lieux et incidents de la carte',
	toMapItems: 'Aller aux lieux et incidents de la carte',
	skipToTimeline: 'Aller à la chronologie',
	/** The phone's sheet handle: where the panel is, and what pressing does. */
	sheetHandle: {
		peek: 'Panneau abaissé : le remonter à mi-hauteur',
		half: 'Panneau à mi-hauteur : l’agrandir en plein écran',
		full: 'Panneau en plein écran : l’abaisser'
	},
	from: 'Du',
	to: 'Au',
	incidentsShown: (n: number, total: number) => `${nFr(n)} incident${n > 1 ? 's' : ''} sur ${nFr(total)}`,
	previous: 'Précédent',
	next: 'Suivant',
	stepHelp: 'Parcourir les incidents dans l’ordre du temps (flèches gauche et droite)',
	stepPosition: (i: number, n: number) => `${nFr(i)} / ${nFr(n)}`,
	readingStart: 'Lire l’article, paragraphe par paragraphe',
	readingStartHelp: 'Notre résumé de chaque paragraphe, ses affirmations, et la carte qui suit.',
	readingLabel: 'Lecture guidée de l’article',
	readingProgress: (paragraph: number, i: number, n: number) =>
		`Paragraphe ${paragraph} · étape ${i} sur ${n}`,
	readingPrevious: 'Paragraphe précédent',
	readingNext: 'Paragraphe suivant',
	readingClose: 'Quitter la lecture',
	readingFinish: 'Revenir à la carte complète',
	readingKeys: 'Flèches gauche et droite : paragraphe précédent ou suivant. Échap : quitter.',
	readingSource: (paragraph: number) =>
		`Notre résumé du paragraphe ${paragraph} de l’article, pas son texte ; chaque affirmation ci-dessous dit qui l’avance et ce que l’on en sait.`,
	readingCountry: (country: string) =>
		`Ce paragraphe concerne tout le pays : la carte le montre en entier (${country}).`,
	readingNote: 'À noter :',
	readingClaims: (n: number) => (n > 1 ? `Ses ${n} affirmations` : 'Son affirmation'),
	itemClaims: (n: number) => (n > 1 ? `Ses ${n} affirmations :` : 'Son affirmation :'),
	noClaimsHere: 'Aucune affirmation de l’article ne porte sur ce lieu',
	readingSkipped: (paragraph: number, why: string) => `Paragraphe ${paragraph} laissé de côté : ${why}`,
	allDates: 'Toutes les dates',
	evidenceTitle: 'Degré de certitude',
	statusTitle: 'Statut des affirmations',
	evidence: {
		corroborated: 'Confirmé par plusieurs sources indépendantes',
		'single-source': 'Une seule source, ou simplement attribué',
		unverified: 'Non vérifié',
		disputed: 'Contesté'
	} as Record<string, string>,
	independentSources: (n: number) =>
		n > 1 ? `${n} sources indépendantes` : n === 1 ? '1 source indépendante' : 'aucune source indépendante',
	originsCounted: (n: number) =>
		n > 1
			? `${n} origines indépendantes comptées`
			: n === 1
				? '1 origine indépendante comptée'
				: 'aucune origine indépendante comptée',
	originsAligned: (label: string) => `toutes issues de ${label}, comptées une fois`,
	originsStory: 'l’origine même de l’article, non comptée',
	independentHelp:
		'comptées comme pour les affirmations : les relais d’une même origine (un ministère, une agence) comptent une fois, les médias d’un même État aussi, l’origine de l’article pas du tout',
	happened: 'Quand',
	firstReported: 'Première mention',
	figures: 'Chiffres avancés',
	figuresChart: 'Les chiffres dans le temps, par mesure',
	figuresChartNote:
		'Un point par chiffre, au jour où il a été donné ; les jours sont espacés régulièrement, pas à l’échelle. Point plein : chiffre exact ; point creux : « plus de », « près de » ou « environ » (> ou ≈). Point gris barré : chiffre retiré ensuite par qui l’avait donné. Survolez un point pour sa source. Chaque échelle part de zéro. Les chiffres non datés et les « dizaines » ne figurent que dans le tableau.',
	figure: 'Chiffre',
	withdrawn: 'retiré',
	withdrawnOn: (day: string) => `retiré le ${day}`,
	withdrawnWhenUnknown: 'retiré (date non établie)',
	accessed: (day: string) => `consultée le ${day}`,
	archivedCopy: (day: string) => `copie archivée du ${day}`,
	keptCopy: (day: string, sha256: string) => `copie conservée le ${day}, SHA-256 ${sha256}`,
	archiveSearch: 'chercher dans les archives du web',
	archiveSearchHelp:
		'Une recherche de cette adresse dans les archives publiques du web (Wayback Machine, site tiers) : elle ne dit pas qu’une copie existe.',
	givenBy: 'Donné par',
	through: 'Par l’intermédiaire de',
	date: 'Date',
	scope: 'Portée',
	measure: {
		dead: 'morts',
		'security-dead': 'morts parmi les forces de sécurité',
		'attackers-killed': '« assaillants » tués (terme des autorités)',
		injured: 'blessés',
		hospitalised: 'hospitalisés',
		'intensive-care': 'en soins intensifs',
		victims: 'victimes (toutes, selon le parquet)'
	} as Record<string, string>,
	qualifier: {
		exact: '',
		'more-than': 'plus de',
		almost: 'près de',
		about: 'environ',
		dozens: 'des dizaines'
	} as Record<string, string>,
	laterReporting: 'Informations ultérieures',
	statusHistory: 'Historique du statut',
	dateNotEstablished: 'date non établie',
	dateUnknown: 'date inconnue',
	allSources: 'Toutes les sources',
	citedBy: (n: number) => `citée ${n} fois`,
	showSource: 'Voir dans la liste des sources',
	download: 'Télécharger ce qui est affiché',
	downloadGeoJSON: 'GeoJSON',
	downloadCSV: 'CSV',
	downloadClaimReview: 'ClaimReview (JSON-LD)',
	print: 'Imprimer',
	positionFromSite: 'Position : celle du lieu',
	share: 'Partager',
	shareTitle: 'Copier le lien de cette vue',
	copied: 'Lien copié',
	shareClaim: 'Partager cette affirmation',
	copyManually: 'Copiez ce lien :',
	embed: 'Intégrer',
	embedTitle: 'Intégrer cette vue dans une autre page',
	embedHelp:
		'Collez ce code dans la vue HTML de votre page : la carte s’affiche avec sa fiche, et son petit script ajuste la hauteur du cadre à son contenu (s’il est retiré, le cadre garde 600 px et défile).',
	copyCode: 'Copier le code',
	openFull: 'Ouvrir la carte complète',
	missingItem: (kind: string, id: string) => `Cet élément n’est plus dans les données (${kind} « ${id} »).`,
	kindName: { site: 'lieu', incident: 'incident', claim: 'affirmation' } as Record<string, string>,
	dismiss: 'Masquer',
	incidentsFailed:
		'Les incidents n’ont pas pu être chargés (connexion coupée ?) : la carte et la frise peuvent être vides. Les affirmations et leurs sources restent consultables. Rechargez la page pour réessayer.',
	reload: 'Recharger',
	cardFailed:
		'La fiche détaillée n’a pas pu être chargée (connexion coupée ?). Rechargez la page pour réessayer.',
	incidentsNotLoaded: 'Incidents non chargés',
	incidentsLoading: 'Chargement des incidents…',
	incidentsCount: (n: number) => (n > 1 ? `${nFr(n)} incidents` : n === 1 ? '1 incident' : 'aucun incident'),
	status: {
		confirmed: 'Confirmé',
		attributed: 'Attribué',
		unverified: 'Non vérifié',
		disputed: 'Contesté'
	} satisfies Record<Status, string>,
	statusHelp: {
		confirmed:
			'Au moins deux origines indépendantes, outre celle de l’article, l’appuient (l’origine est qui l’a dit d’abord : les relais d’une même voix comptent une fois, les médias d’un même État aussi).',
		attributed: 'Rapporté tel que sa source l’a dit ; moins de deux origines indépendantes l’établissent.',
		unverified: 'Non vérifié, pas même par le média qui le relaie.',
		disputed: 'Contredit ou corrigé par des informations ultérieures.'
	} satisfies Record<Status, string>,
	kind: {
		article: 'l’article',
		government: 'gouvernement',
		'state-media': 'média d’État',
		'foreign-state-media': 'média d’État étranger',
		'foreign-government': 'gouvernement étranger',
		'international-organisation': 'organisation internationale',
		ngo: 'ONG',
		'news-agency': 'agence de presse',
		'news-outlet': 'média',
		'social-media': 'réseaux sociaux',
		reference: 'référence'
	} satisfies Record<SourceKind, string>,
	precision: {
		morning: 'matin',
		afternoon: 'après-midi',
		evening: 'soir',
		night: 'nuit'
	}
};

export type Messages = typeof fr;
