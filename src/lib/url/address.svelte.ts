/* eslint-disable svelte/prefer-svelte-reactivity -- URLs here are throwaway values; `href` is the state. */
// The page's address as components need it, kept by url-sync (the one reader and writer of the
// address), so no component reads `location`: the share link, the embed link, the full view's link.
export class Address {
	/** The current view's address (what url-sync last wrote or is about to); '' until the page starts. */
	href = $state('');

	/** This view with `embed` set or removed: the iframe's source, or the embedded view's "open" link. */
	withEmbed(embed: boolean): string {
		if (!this.href) return '';
		const u = new URL(this.href);
		if (embed) u.searchParams.set('embed', '1');
		else u.searchParams.delete('embed');
		return u.href;
	}

	/** The page's origin and host ('' until the page starts). */
	get origin(): string {
		return this.href ? new URL(this.href).origin : '';
	}
	get host(): string {
		return this.href ? new URL(this.href).host : '';
	}
}
