// The interface's words in English; loaded for a page read in English (messages.ts).
import { STORY_MAP } from '$lib/data/story-map';
import { formatNumber } from '$lib/i18n/format';
import type { Messages } from './messages-fr';

// Counts read as readers write them: "16,772" in English.
const nEn = (n: number) => formatNumber(n, 'en');

export const en: Messages = {
	appName: 'Claims map',
	language: 'Language',
	switchTo: 'Français',
	switchToLang: 'fr',
	layersLegend: 'Layers and legend',
	keySummary: 'What the symbols mean',
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
	countFollows: (n) =>
		n.layers && n.days
			? 'for the layers and days chosen'
			: n.layers
				? 'for the layers chosen'
				: n.days
					? 'for the days chosen'
					: null,
	noIncidentClaims: (n) =>
		n > 1
			? `${nEn(n)} claims are tied to no incident: no layer hides them, only the days filter them, by the day they were made.`
			: 'One claim is tied to no incident: no layer hides it, only the days filter it, by the day it was made.',
	placesFollow: (follows) => `Incidents ${follows}`,
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
	offlineKept: {
		kept: 'Kept on this device: Download and Send work with no connection.',
		keeping: 'Being kept on this device for reading offline…',
		'save-data':
			'Not kept on this device, as your browser asks to save data: download it now if you may lose the connection.',
		'not-kept': 'Not kept on this device: download it now if you may lose the connection.',
		'kept-offline': 'Kept on this device: Download and Send work with no connection.',
		'keeping-offline': 'Not available offline: the connection dropped before this device had kept it.',
		'save-data-offline':
			'Not available offline: this device did not keep it, as your browser asks to save data.',
		'not-kept-offline':
			'Not available offline: this device has not kept it. It is kept after a visit with a connection.'
	},
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
	itemClaims: (n) => (n > 1 ? `Its ${n} claims:` : 'Its claim:'),
	noClaimsHere: 'No claim of the article concerns this place',
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
	independentHelp:
		'counted as for claims: relays of one origin (a ministry, an agency) count once, so do one state’s media, and the article’s own origin not at all',
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
	shareClaim: 'Share this claim',
	copyManually: 'Copy this link:',
	embed: 'Embed',
	embedTitle: 'Embed this view in another page',
	embedHelp:
		'Paste this code into your page’s HTML view: the map shows with its card, and its short script fits the frame’s height to its content (without it, the frame stays 600 px tall and scrolls).',
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
