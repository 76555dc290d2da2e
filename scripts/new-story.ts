// `npm run new-story -- <folder> [--root <dir>]`: writes a minimal valid story (one site, one incident,
// one claim, one source, a reading of one step, a map with no street extract) into geodata/<folder>/
// (or <dir>/<folder>/), which validates and builds as it is, then says what to edit next (AUTHORING.md).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FOLDER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The template's files, by name, for a story called `id`, dated `today` (YYYY-MM-DD). */
export function storyTemplate(id: string, today: string): Record<string, unknown> {
	const site = 'main-square';
	const when = { start: today, precision: 'day' };
	const text = (fr: string, en: string) => ({ fr, en });
	return {
		'story.json': {
			id,
			version: `${today}.1`,
			title: text('Titre de l’histoire (à écrire)', 'Title of the story (to write)'),
			summary: text(
				'Ce que dit l’article, en une ligne.\nCe que la carte en montre, en une ligne.',
				'What the article says, in one line.\nWhat the map shows of it, in one line.'
			),
			article: {
				language: 'fr',
				approximateDate: today,
				dateNote: text('Date de l’article (à vérifier).', 'Date of the article (to check).'),
				outlet: null,
				url: null,
				provenanceNote: text('D’où vient l’article (à écrire).', 'Where the article comes from (to write).'),
				source: 'the-article',
				paragraphs: 1
			},
			name: text('Nouvelle histoire', 'New story'),
			reviewer: 'Newsroom claims map (to set)',
			mapLabel: text('Carte de l’histoire', 'Map of the story'),
			timeZone: { name: 'Etc/UTC', utcOffset: '+00:00' },
			reference: {
				site,
				distance: text('{km} km de la place principale', '{km} km from the main square'),
				here: text('C’est la place principale', 'This is the main square')
			},
			timeRange: { start: today, end: today },
			bbox: [-1, -1, 1, 1],
			defaultView: { places: [site], maxZoom: 15 },
			layers: [
				{
					id: 'unrest',
					label: text('Troubles', 'Unrest'),
					description: text('Manifestations et rassemblements.', 'Protests and gatherings.'),
					color: '#8c510a',
					shape: 'circle',
					defaultVisible: true
				}
			]
		},
		'sites.geojson': {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					geometry: { type: 'Point', coordinates: [0, 0] },
					properties: {
						id: site,
						kind: 'square',
						key: true,
						name: text('Place principale (à renommer)', 'Main square (to rename)'),
						description: text('Le lieu central de l’histoire.', 'The story’s central place.'),
						uncertaintyM: 100,
						position: text('Position à sourcer.', 'Position to source.'),
						sources: [{ source: 'the-article', says: text('Paragraphe 1.', 'Paragraph 1.') }]
					}
				}
			]
		},
		'incidents.geojson': {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					geometry: null,
					properties: {
						id: 'first-gathering',
						layer: 'unrest',
						title: text('Rassemblement sur la place', 'Gathering on the square'),
						description: text(
							'Ce qui s’est passé, selon la source.',
							'What happened, according to the source.'
						),
						site,
						when,
						reported: when,
						claims: ['crowd-gathered'],
						sources: [{ source: 'the-article', says: text('Paragraphe 1.', 'Paragraph 1.') }]
					}
				}
			]
		},
		'claims.json': [
			{
				id: 'crowd-gathered',
				text: text(
					'Une foule s’est rassemblée sur la place (nos mots).',
					'A crowd gathered on the square (our words).'
				),
				attribution: { who: text('L’article', 'The article'), kind: 'article' },
				paragraph: 1,
				places: [site],
				incidents: ['first-gathering'],
				date: when,
				status: 'attributed',
				statusHistory: [
					{
						date: today,
						status: 'attributed',
						note: text('Une seule source : l’article.', 'One source: the article.'),
						source: 'the-article'
					}
				],
				sources: [{ source: 'the-article', says: text('Paragraphe 1.', 'Paragraph 1.') }]
			}
		],
		'sources.json': [
			{
				id: 'the-article',
				outlet: text('Média (à nommer)', 'Outlet (to name)'),
				title: text('Titre de l’article', 'Title of the article'),
				date: today,
				language: 'fr',
				kind: 'article',
				url: null,
				accessed: today
			}
		],
		'reading.json': {
			steps: [
				{
					paragraph: 1,
					title: text('Une foule sur la place', 'A crowd on the square'),
					summary: text(
						'Notre résumé du paragraphe 1, jamais ses phrases.',
						'Our summary of paragraph 1, never its sentences.'
					),
					places: [site],
					countryWide: false
				}
			],
			skipped: []
		},
		'basemap.json': {
			region: [-10, -10, 10, 10],
			notCountries: [],
			land: null,
			places: { minPopulation: 500000, byCountry: {}, include: [], names: {} },
			streets: null
		}
	};
}

export const NEXT_STEPS = (
	dir: string,
	folder: string
) => `Wrote a minimal story in ${dir}/: it validates and builds as it is.
Next (AUTHORING.md walks through each):
  1. ${dir}/sites.geojson: your places, with [longitude, latitude], names in fr/en/ru/kk, and their sources;
     then story.json "bbox" and "defaultView", and basemap.json "region", around them.
  2. ${dir}/sources.json, claims.json, incidents.geojson: the article's claims in your own words, each with
     its sources and status ("confirmed" needs two independent origins).
  3. ${dir}/story.json: title, summary, article, time zone and time range; reading.json: one step per paragraph.
  4. ${dir}/basemap.json: an OpenStreetMap extract and its credit, or keep "streets": null.
  Or edit it as spreadsheets: STORY=${folder} npm run story:export-sheets, then story:import-sheets.
Check:  STORY=${folder} npm run validate     See it:  STORY=${folder} npm run dev
Build:  STORY=${folder} BUILD_DIR=build-${folder} npm run build`;

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const rootAt = args.indexOf('--root');
	const root = rootAt >= 0 ? args[rootAt + 1] : 'geodata';
	const folder = args.find((a, i) => !a.startsWith('--') && (rootAt < 0 || i !== rootAt + 1));
	if (!folder || !FOLDER.test(folder) || !root) {
		console.error(
			`new-story: expected a folder name in kebab-case, such as \`npm run new-story -- riga-2025\` (got ${folder ?? 'nothing'})`
		);
		process.exit(1);
	}
	const dir = join(root, folder);
	if (existsSync(dir)) {
		console.error(`new-story: ${dir} already exists; choose another name, or remove it first`);
		process.exit(1);
	}
	mkdirSync(dir, { recursive: true });
	const today = new Date().toISOString().slice(0, 10);
	for (const [file, content] of Object.entries(storyTemplate(folder, today)))
		writeFileSync(join(dir, file), JSON.stringify(content, null, '\t') + '\n');
	console.log(NEXT_STEPS(dir, folder));
}
