// Records keyed by data ids, which may be `constructor`, `__proto__` or `toString`: built with no
// prototype, so no id writes or reads an inherited property, and read through own properties only,
// since the page's data (JSON) hands them back as plain objects. They stay records, not Maps, because
// they travel in that data.

/** A record with no prototype, from entries. */
export function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
	const record = Object.create(null) as Record<string, T>;
	for (const [id, value] of entries) record[id] = value;
	return record;
}

/** The value an id has in a record of its own, never one inherited (`constructor`). */
export const own = <T>(record: Record<string, T>, id: string): T | undefined =>
	Object.hasOwn(record, id) ? record[id] : undefined;
