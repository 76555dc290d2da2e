// Every word of the interface, in both languages. Data texts carry their own translations.
import type { Lang, Status, SourceKind } from '$lib/data/schema';

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
	showing: (n: number, total: number) => `${n} sur ${total}`,
	noClaims: 'Aucune affirmation ne correspond à ces filtres.',
	clearSelection: 'Tout afficher',
	attributedTo: 'Attribué à',
	via: 'via',
	paragraph: (n: number) => `§ ${n}`,
	paragraphLong: (n: number) => `paragraphe ${n} de l'article`,
	sources: 'Sources',
	sourceCount: (n: number) => (n > 1 ? `${n} sources` : '1 source'),
	distanceFromSquare: (km: string) => `${km} km de la place de la République`,
	isRepublicSquare: 'C’est la place de la République',
	uncertaintyRadius: (m: string) => `Position à ± ${m} m`,
	positionSource: 'D’où vient la position',
	whatHappened: 'Ce qui s’y est passé',
	nothingHere: 'Aucun incident rapporté ici.',
	claimsHere: 'Affirmations sur ce lieu',
	incident: 'Incident',
	reportedBy: 'Rapporté par',
	fitToData: 'Voir tous les lieux',
	mapLabel: 'Carte d’Almaty et du Kazakhstan',
	mapLoading: 'Chargement de la carte…',
	mapFailed: 'La carte n’a pas pu s’afficher sur cet appareil. Le texte reste disponible.',
	close: 'Fermer',
	article: 'L’article',
	aboutArticle: 'À propos de l’article',
	version: 'Version des données',
	noUrl: 'pas d’adresse publique',
	names: 'Noms',
	incidentsCount: (n: number) => (n > 1 ? `${n} incidents` : n === 1 ? '1 incident' : 'aucun incident'),
	status: {
		confirmed: 'Confirmé',
		attributed: 'Attribué',
		unverified: 'Non vérifié',
		disputed: 'Contesté'
	} satisfies Record<Status, string>,
	statusHelp: {
		confirmed: 'Des sources indépendantes ultérieures le confirment.',
		attributed: 'Rapporté tel que dit par sa source ; non établi de façon indépendante.',
		unverified: 'Non vérifié, y compris par la source qui le relaie.',
		disputed: 'Contredit ou corrigé par des informations ultérieures.'
	} satisfies Record<Status, string>,
	kind: {
		article: 'l’article',
		government: 'gouvernement',
		'state-media': 'média d’État',
		'foreign-state-media': 'média d’État étranger',
		'foreign-government': 'gouvernement étranger',
		'international-organisation': 'organisation internationale',
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
	attributedTo: 'Attributed to',
	via: 'via',
	paragraph: (n) => `¶ ${n}`,
	paragraphLong: (n) => `paragraph ${n} of the article`,
	sources: 'Sources',
	sourceCount: (n) => (n > 1 ? `${n} sources` : '1 source'),
	distanceFromSquare: (km) => `${km} km from Republic Square`,
	isRepublicSquare: 'This is Republic Square',
	uncertaintyRadius: (m) => `Position within ± ${m} m`,
	positionSource: 'Where the position comes from',
	whatHappened: 'What happened here',
	nothingHere: 'No incident reported here.',
	claimsHere: 'Claims about this place',
	incident: 'Incident',
	reportedBy: 'Reported by',
	fitToData: 'Zoom to all places',
	mapLabel: 'Map of Almaty and Kazakhstan',
	mapLoading: 'Loading the map…',
	mapFailed: 'The map could not be shown on this device. The text is still here.',
	close: 'Close',
	article: 'The article',
	aboutArticle: 'About the article',
	version: 'Data version',
	noUrl: 'no public address',
	names: 'Names',
	incidentsCount: (n) => (n > 1 ? `${n} incidents` : n === 1 ? '1 incident' : 'no incident'),
	status: {
		confirmed: 'Confirmed',
		attributed: 'Attributed',
		unverified: 'Unverified',
		disputed: 'Disputed'
	},
	statusHelp: {
		confirmed: 'Later independent sources confirm it.',
		attributed: 'Reported as said by its source; not independently established.',
		unverified: 'Not verified, even by the outlet relaying it.',
		disputed: 'Contradicted or corrected by later reporting.'
	},
	kind: {
		article: 'the article',
		government: 'government',
		'state-media': 'state media',
		'foreign-state-media': 'foreign state media',
		'foreign-government': 'foreign government',
		'international-organisation': 'international organisation',
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
