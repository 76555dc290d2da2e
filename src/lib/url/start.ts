// The address, read once: first by the early start (MapView's module script), before the page has
// its data, then handed to url-sync, which only checks the items it names against the data.
import { preferredLang, readerLang } from '$lib/data/langs';
import type { DayRange } from '$lib/data/time';
import type { Known, MapStart } from '$lib/types/view';
import { readAddress, resolve, type AddressRead, type Parsed } from './view-state';

/** What the start needs of the map's boot data (map/boot.ts MapBoot), by shape: url imports nothing of map. */
interface BootLayers {
	layers: readonly { id: string }[];
	defaultLayers: readonly string[];
	days: DayRange;
}

/** What the early start read, and from which address. */
let early: { href: string; read: AddressRead } | null = null;

/**
 * The map's opening state from the address and the browser's languages, by the same rules the
 * dashboard applies once it starts (Dashboard.apply), so the map does not change when it does.
 */
export function startOf(boot: BootLayers, languages: readonly string[]): MapStart {
	const href = location.href;
	const read = readAddress(new URL(href), { layers: boot.layers.map((l) => l.id), days: boot.days });
	early = { href, read };
	return {
		lang: read.view.lang ?? preferredLang(languages),
		visible: read.view.layers ?? boot.defaultLayers,
		range: read.view.range,
		camera: read.view.camera
	};
}

/**
 * The address now, checked against the data. The first call reuses the early start's reading while
 * the address is still the one it read (a page reached by client-side navigation has none).
 */
export function readCurrent(known: Known): { parsed: Parsed; read: AddressRead } {
	const href = location.href;
	const read = early?.href === href ? early.read : readAddress(new URL(href), known);
	early = null;
	return { parsed: resolve(read, known), read };
}

/** The language this page will be read in (the address's, else the browser's): its words load first. */
export const readerLangNow = () => readerLang(location.search, location.pathname, navigator.languages);
