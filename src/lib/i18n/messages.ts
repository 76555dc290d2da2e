// Every word of the interface, in both languages. Data texts carry their own translations.
import type { Lang, Status, SourceKind } from '$lib/data/schema';
import { STORY_MAP } from '$lib/data/story-map';
import { formatNumber } from '$lib/i18n/format';

// Counts read as readers write them: "16 772" in French, "16,772" in English.
const nFr = (n: number) => formatNumber(n, 'fr');
const nEn = (n: number) => formatNumber(n, 'en');

const fr = {
	appName: 'Carte des affirmations',
	language: 'Langue',
	switchTo: 'English',
	switchToLang: 'en',
	layersLegend: 'Couches et légende',
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
		'Les médias qui relaient la même origine (un ministère, une agence) ne comptent qu’une fois.',
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
	copyManually: 'Copiez ce lien :',
	embed: 'Intégrer',
	embedTitle: 'Intégrer cette vue dans une autre page',
	embedHelp: 'Collez ce code dans votre page : la carte s’affiche avec un panneau compact.',
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

type Messages = typeof fr;

const en: Messages = {
	appName: 'Claims map',
	language: 'Language',
	switchTo: 'Français',
	switchToLang: 'fr',
	layersLegend: 'Layers and legend',
	keySite: 'Key site',
	otherPlace: 'Other place',
	uncertainty: 'Position uncertainty',
	places: 'Places',
	claims: 'Claims',
	filterPlace: 'Place',
	filterLayer: 'Layer',
	all: 'All',
	allLayers: 'All',
	showing: (n, total) => `${n} of ${total}`,
	noClaims: 'No claim matches these filters.',
	clearSelection: 'Show all',
	scopeHeading: (scope, name) =>
		scope === 'city'
			? name
				? `In ${name}`
				: 'In the city'
			: scope === 'country'
				? `Country-wide${name ? ` (${name})` : ''}`
				: 'Elsewhere',
	claimsDatesNote:
		'Claims about events on these days; a claim tied to no incident counts on the day it was made.',
	claimMade: (when) => `Claim made ${when}`,
	layerCountsNote: 'Counts: incidents on the days chosen.',
	countryWide: 'country-wide',
	attributedTo: 'Attributed to',
	via: 'via',
	paragraph: (n) => `¶ ${n}`,
	paragraphLong: (n) => `paragraph ${n} of the article`,
	sources: 'Sources',
	uncertaintyRadius: (m) => `Position within ± ${m} m`,
	positionSource: 'Where the position comes from',
	whatHappened: 'What happened here',
	nothingHere: 'No incident reported here.',
	incident: 'Incident',
	fitToData: 'Zoom to all places',
	mapLoading: 'Loading the map…',
	mapNeedsScripts:
		'The map needs JavaScript. The places, incidents and claims are in the panel, each with its own page.',
	mapFailed: 'The map could not be shown on this device. The text is still here.',
	streetsCredit:
		STORY_MAP.streets?.credit.en ??
		'Natural Earth, GeoNames: no street map for this story, only countries and cities',
	andMore: (n) => `and ${n} more`,
	streetsNote:
		STORY_MAP.streets?.note.en ??
		'Basemap: countries and cities (Natural Earth, GeoNames), with no street map. It locates the places; it says nothing about the events.',
	streetsFailed: 'Part of the street map could not be loaded. The places and incidents are still shown.',
	close: 'Close',
	article: 'The article',
	aboutArticle: 'About the article',
	version: 'Data version',
	offlineBanner: (story: string, version: string, madeOn: string) =>
		`Offline copy of “${story}”, data version ${version}, made on ${madeOn}. The live version may be newer:`,
	offlineDownload: (size: string) => `Download for offline reading (${size} MB)`,
	offlineSend: 'Send this story',
	offlineHash: 'The file’s SHA-256 fingerprint:',
	noUrl: 'no public address',
	names: 'Names',
	basemapTitle: 'Basemap',
	basemapEmbedded: 'Embedded (offline, no third party contacted)',
	basemapStreet: (name, host) => `Street map: ${name} — contacts ${host}`,
	streetMapFailed: (name) => `The street map “${name}” could not be loaded. The embedded basemap is back.`,
	timeline: 'Timeline',
	rangeMeaning: 'Days the events happened',
	skipToClaims: 'Skip to the claims',
	skipToMap: 'Skip to the map',
	mapItems: 'Places and incidents on the map',
	toMapItems: 'Go to the places and incidents on the map',
	skipToTimeline: 'Skip to the timeline',
	sheetHandle: {
		peek: 'Panel lowered: raise it to half the screen',
		half: 'Panel at half the screen: raise it to full screen',
		full: 'Panel at full screen: lower it'
	},
	from: 'From',
	to: 'To',
	incidentsShown: (n, total) => `${nEn(n)} of ${nEn(total)} incident${total > 1 ? 's' : ''}`,
	previous: 'Previous',
	next: 'Next',
	stepHelp: 'Step through the incidents in time order (left and right arrow keys)',
	stepPosition: (i, n) => `${nEn(i)} / ${nEn(n)}`,
	readingStart: 'Read the article, paragraph by paragraph',
	readingStartHelp: 'Our summary of each paragraph, its claims, and the map following along.',
	readingLabel: 'Guided reading of the article',
	readingProgress: (paragraph, i, n) => `Paragraph ${paragraph} · step ${i} of ${n}`,
	readingPrevious: 'Previous paragraph',
	readingNext: 'Next paragraph',
	readingClose: 'Leave the reading',
	readingFinish: 'Back to the full map',
	readingKeys: 'Left and right arrows: previous or next paragraph. Escape: leave.',
	readingSource: (paragraph) =>
		`Our summary of the article’s paragraph ${paragraph}, not its text; each claim below says who makes it and what is known of it.`,
	readingCountry: (country: string) =>
		`This paragraph is about the whole country: the map shows all of ${country}.`,
	readingNote: 'Note:',
	readingClaims: (n) => (n > 1 ? `Its ${n} claims` : 'Its claim'),
	readingSkipped: (paragraph, why) => `Paragraph ${paragraph} left out: ${why}`,
	allDates: 'All dates',
	evidenceTitle: 'How well it is known',
	statusTitle: 'Claim status',
	evidence: {
		corroborated: 'Confirmed by several independent sources',
		'single-source': 'A single source, or only attributed',
		unverified: 'Unverified',
		disputed: 'Disputed'
	},
	independentSources: (n) =>
		n > 1 ? `${n} independent sources` : n === 1 ? '1 independent source' : 'no independent source',
	independentHelp: 'Outlets relaying the same origin (a ministry, an agency) count once.',
	originsCounted: (n) =>
		n > 1
			? `${n} independent origins counted`
			: n === 1
				? '1 independent origin counted'
				: 'no independent origin counted',
	originsAligned: (label) => `all from ${label}, counted once`,
	originsStory: 'the article’s own origin, not counted',
	happened: 'When',
	firstReported: 'First reported',
	figures: 'Figures given',
	figuresChart: 'The figures over time, per measure',
	figuresChartNote:
		'One dot per figure, on the day it was given; days are evenly spaced, not to scale. Filled dot: an exact figure; hollow: “more than”, “almost” or “about” (> or ≈). Grey, struck-through dot: a figure later withdrawn by whoever gave it. Hover over a dot for its source. Each scale starts at zero. Undated figures and “dozens” are in the table only.',
	figure: 'Figure',
	withdrawn: 'withdrawn',
	withdrawnOn: (day: string) => `withdrawn on ${day}`,
	withdrawnWhenUnknown: 'withdrawn (date not established)',
	accessed: (day: string) => `read on ${day}`,
	archivedCopy: (day: string) => `archived copy of ${day}`,
	keptCopy: (day: string, sha256: string) => `copy kept on ${day}, SHA-256 ${sha256}`,
	archiveSearch: 'search the web archives',
	archiveSearchHelp:
		'A search for this address in the public web archives (Wayback Machine, a third-party site): it does not say a copy exists.',
	givenBy: 'Given by',
	through: 'Reached the article through',
	date: 'Date',
	scope: 'Scope',
	measure: {
		dead: 'dead',
		'security-dead': 'security personnel dead',
		'attackers-killed': '"attackers" killed (the authorities’ word)',
		injured: 'injured',
		hospitalised: 'in hospital',
		'intensive-care': 'in intensive care',
		victims: 'victims (all kinds, per the prosecutors)'
	},
	qualifier: {
		exact: '',
		'more-than': 'more than',
		almost: 'almost',
		about: 'about',
		dozens: 'dozens'
	},
	laterReporting: 'Later reporting',
	statusHistory: 'Status history',
	dateNotEstablished: 'date not established',
	dateUnknown: 'date unknown',
	allSources: 'All sources',
	citedBy: (n) => `cited ${n} time${n > 1 ? 's' : ''}`,
	showSource: 'Show in the source list',
	download: 'Download what is shown',
	downloadGeoJSON: 'GeoJSON',
	downloadCSV: 'CSV',
	downloadClaimReview: 'ClaimReview (JSON-LD)',
	print: 'Print',
	positionFromSite: 'Position: the site’s',
	share: 'Share',
	shareTitle: 'Copy the link to this view',
	copied: 'Link copied',
	copyManually: 'Copy this link:',
	embed: 'Embed',
	embedTitle: 'Embed this view in another page',
	embedHelp: 'Paste this code into your page: the map shows with a compact panel.',
	copyCode: 'Copy the code',
	openFull: 'Open the full map',
	missingItem: (kind, id) => `This item is no longer in the dataset (${kind} "${id}").`,
	kindName: { site: 'site', incident: 'incident', claim: 'claim' },
	dismiss: 'Dismiss',
	incidentsFailed:
		'The incidents could not be loaded (connection lost?), so the map and the timeline may be empty. The claims and their sources are all here. Reload the page to try again.',
	reload: 'Reload',
	cardFailed: 'The details card could not be loaded (connection lost?). Reload the page to try again.',
	incidentsNotLoaded: 'Incidents not loaded',
	incidentsLoading: 'Loading incidents…',
	incidentsCount: (n) => (n > 1 ? `${nEn(n)} incidents` : n === 1 ? '1 incident' : 'no incident'),
	status: {
		confirmed: 'Confirmed',
		attributed: 'Attributed',
		unverified: 'Unverified',
		disputed: 'Disputed'
	},
	statusHelp: {
		confirmed:
			'At least two independent origins besides the article’s own support it (an origin is who said it first: relays of one speaker count once, and so do one state’s media).',
		attributed: 'Reported as its source said it; fewer than two independent origins establish it.',
		unverified: 'Not verified, not even by the outlet relaying it.',
		disputed: 'Contradicted or corrected by later reporting.'
	},
	kind: {
		article: 'the article',
		government: 'government',
		'state-media': 'state media',
		'foreign-state-media': 'foreign state media',
		'foreign-government': 'foreign government',
		'international-organisation': 'international organisation',
		ngo: 'NGO',
		'news-agency': 'news agency',
		'news-outlet': 'news outlet',
		'social-media': 'social media',
		reference: 'reference'
	},
	precision: {
		morning: 'morning',
		afternoon: 'afternoon',
		evening: 'evening',
		night: 'night'
	}
};

export const MESSAGES: Record<Lang, Messages> = { fr, en };
export type { Messages };
