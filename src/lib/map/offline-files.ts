// The offline copy's map files (src/lib/data/offline-copy.ts): read from inside the page, since a
// file opened from disk may load no other file. GeoJSON and fonts through a MapLibre protocol (its
// worker asks the page for them), the street archive through pmtiles with a source over its bytes.
import { addProtocol } from 'maplibre-gl';
import { PMTiles, type Protocol, type RangeResponse, type Source } from 'pmtiles';
import { carriedBytes, carriedText, offlineCopy, type OfflineCopy } from '$lib/data/offline-copy';

const SCHEME = 'offline';

/** A .pmtiles archive the copy carries, read by range from its bytes (decoded on first use). */
class CarriedArchive implements Source {
	private bytes: Promise<Uint8Array<ArrayBuffer>> | null = null;
	constructor(
		private readonly copy: OfflineCopy,
		private readonly path: string
	) {}
	getKey = () => `${SCHEME}://${this.path}`;
	async getBytes(offset: number, length: number): Promise<RangeResponse> {
		this.bytes ??= carriedBytes(this.copy, this.path);
		return { data: (await this.bytes).slice(offset, offset + length).buffer };
	}
}

/**
 * In the offline copy, makes its files readable by the map and returns the address of each (by its
 * path in the site's build); null in the site's own build.
 */
export function carriedFiles(archives: Protocol): ((path: string) => string) | null {
	const copy = offlineCopy;
	if (!copy) return null;
	addProtocol(SCHEME, async ({ url, type }) => {
		const path = url.slice(`${SCHEME}://`.length);
		if (type === 'json') return { data: JSON.parse(await carriedText(copy, path)) };
		return { data: (await carriedBytes(copy, path)).buffer };
	});
	for (const path of Object.keys(copy.files))
		if (path.endsWith('.pmtiles')) archives.add(new PMTiles(new CarriedArchive(copy, path)));
	return (path) => `${SCHEME}://${path}`;
}
