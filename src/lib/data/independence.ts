// Who first said what a record's sources report, so that relays of one origin count once. One rule
// for the validator (a "confirmed" claim needs two origins) and for the counts readers see.
import type { Source, SourceRef } from './schema';

/** At least this many independent origins for a claim to be "confirmed". */
export const CONFIRMED_MIN_ORIGINS = 2;

/**
 * The origin of what one reference reports: the reference's own `origin` (the source relays
 * someone else on this point), else the source's `origin`, else its outlet (two TASS stories are
 * one origin). An unknown source counts as its own id.
 */
export function originOf(ref: Pick<SourceRef, 'source' | 'origin'>, source: Source | undefined): string {
	if (ref.origin) return ref.origin;
	if (!source) return ref.source;
	if (source.origin) return source.origin;
	return outletKey(typeof source.outlet === 'string' ? source.outlet : source.outlet.en);
}

/** An outlet as an origin id: "RIA Novosti" is `ria-novosti`, so it meets `origin: "ria-novosti"`. */
export function outletKey(outlet: string): string {
	return (
		outlet
			.normalize('NFKD')
			.toLowerCase()
			.replace(/\p{M}/gu, '')
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-|-$/g, '') || outlet
	);
}

/** The independent origins behind a list of references, each with the sources that carry it. */
export function originsBehind(
	refs: readonly Pick<SourceRef, 'source' | 'origin'>[],
	sourceById: (id: string) => Source | undefined
): Map<string, string[]> {
	const origins = new Map<string, string[]>();
	for (const r of refs) {
		const key = originOf(r, sourceById(r.source));
		const carriers = origins.get(key);
		if (carriers) {
			if (!carriers.includes(r.source)) carriers.push(r.source);
		} else origins.set(key, [r.source]);
	}
	return origins;
}
