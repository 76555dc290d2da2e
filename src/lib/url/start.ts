// The map's opening state read from the address, before the page has its data: the early start
// (MapView's module script) reads it by the same rules the dashboard applies once it starts.
import { preferredLang } from '$lib/data/langs';
import type { MapBoot, MapStart } from '$lib/map/boot';
import { parse } from './view-state';

/**
 * The opening state from the address and the browser's languages, read by the same rules the
 * dashboard applies once it starts (Dashboard.apply), so the map does not change when it does.
 */
export function startOf(boot: MapBoot, url: URL, languages: readonly string[]): MapStart {
	const none = new Set<string>();
	const view = parse(url, {
		sites: none,
		incidents: none,
		claims: none,
		layers: boot.layers.map((l) => l.id),
		days: boot.days
	});
	return {
		lang: view.lang ?? preferredLang(languages),
		visible: view.layers ?? boot.defaultLayers,
		range: view.range,
		camera: view.camera
	};
}
