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

/** What one group of counted origins is: one origin, or several that one state's media carry. */
export interface OriginGroup {
	/** The origin, or the state's alignment when the group merges that state's outlets. */
	key: string;
	/** Set when every source behind the group is one state's media: they count once. */
	alignment?: string;
	origins: { origin: string; sources: string[] }[];
}

/** The independent origins of a record's sources, and what did not count. */
export interface OriginCount {
	counted: OriginGroup[];
	/** Sources that carry the story's own origin (the article rewrites it): never counted. */
	story: string[];
}

/**
 * The independent origins behind a list of references, for "confirmed": relays of one origin count
 * once, the story's own origin (`storyOrigin`, what the article rewrites) does not count, and
 * origins carried only by the outlets of one state (`alignment`) count once: one party speaking.
 */
export function countOrigins(
	refs: readonly Pick<SourceRef, 'source' | 'origin'>[],
	sourceById: (id: string) => Source | undefined,
	storyOrigin: string | null
): OriginCount {
	const counted: OriginGroup[] = [];
	const story: string[] = [];
	for (const [origin, sources] of originsBehind(refs, sourceById)) {
		if (origin === storyOrigin) {
			story.push(...sources);
			continue;
		}
		const alignments = new Set(sources.map((id) => sourceById(id)?.alignment));
		const alignment = alignments.size === 1 ? [...alignments][0] : undefined;
		const group = alignment ? counted.find((g) => g.alignment === alignment) : undefined;
		if (group) group.origins.push({ origin, sources });
		else
			counted.push({
				key: alignment ?? origin,
				...(alignment ? { alignment } : {}),
				origins: [{ origin, sources }]
			});
	}
	return { counted, story };
}

/** Why each source behind a count did or did not count, for the validator's refusals. */
export function explainCount(count: OriginCount, storyOrigin: string | null): string {
	const origin = (o: OriginGroup['origins'][number]) =>
		`${o.origin} (${o.sources.join(', ')}${o.sources.length > 1 ? ': relays of one origin, counted once' : ''})`;
	const counted = count.counted.map((g) => {
		const list = g.origins.map(origin).join(', ');
		if (!g.alignment) return list;
		return g.origins.length > 1
			? `${list}, all from state media aligned with ${g.alignment}: one party, counted once`
			: `${list}, state media aligned with ${g.alignment}`;
	});
	const parts = [`counted: ${counted.length ? counted.join('; ') : 'none'}`];
	if (count.story.length)
		parts.push(`not counted: ${count.story.join(', ')}, the story's own origin (${storyOrigin})`);
	return parts.join('; ');
}
