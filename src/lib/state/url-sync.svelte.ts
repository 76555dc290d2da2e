/* eslint-disable svelte/prefer-svelte-reactivity -- URLs here are throwaway values, never reactive state. */
// The one writer of the address bar. Reads the URL at start (and on Back/Forward), then mirrors
// state into it: a new selection or reading step pushes a history entry, so Back steps through what
// the reader chose; everything else (pan, zoom, toggles) replaces the current entry. Both go through one
// throttle (url/history-writer.ts), since browsers refuse history calls past a rate and a pan fires many.
import { base } from '$app/paths';
import { offlineCopy } from '$lib/data/offline-copy';
import { pushState, replaceState } from '$app/navigation';
import type { Address } from '$lib/url/address.svelte';
import { historyWriter } from '$lib/url/history-writer';
import { readCurrent } from '$lib/url/start';
import { resolve, serialize } from '$lib/url/view-state';
import type { Dashboard } from './dashboard.svelte';

/** What a history entry stands for: the selection and the guided-reading step. */
const entryKey = (dash: Dashboard) =>
	(dash.selection ? `${dash.selection.kind}:${dash.selection.id}` : '') + `|${dash.reading ?? ''}`;

/** Starts mirroring; `address` is kept up to date with the view's address for the components. */
export function startUrlSync(dash: Dashboard, address: Address): () => void {
	const read = (initial: boolean) => {
		// At start, the address as the early start read it (one reading); on Back/Forward, read anew.
		const { parsed, read: address } = readCurrent(dash.known);
		const { view, missing } = parsed;
		// An incident the link names may be in records still on their way: select it once they are
		// in (unless the reader chose something meanwhile); only then can it be "no longer there".
		const wait = missing?.kind === 'incident' && dash.records === 'pending';
		dash.apply(view, navigator.languages, wait ? null : missing, initial);
		if (wait)
			void dash.loadRecords().then(() => {
				if (dash.selection) return;
				const again = resolve(address, dash.known);
				if (!again.view.selection) return void (dash.missing = again.missing);
				dash.select(again.view.selection);
				// The address already names it: this is no new history entry.
				lastEntry = entryKey(dash);
			});
	};
	let lastEntry = '';
	read(true);
	lastEntry = entryKey(dash);
	const writer = historyWriter({
		/* eslint-disable svelte/no-navigation-without-resolve -- full URLs built on `${base}/` (below) */
		push: (url) => pushState(url, {}),
		replace: (url) => replaceState(url, {}),
		/* eslint-enable svelte/no-navigation-without-resolve */
		current: () => location.href
	});
	const onPop = () => {
		writer.cancel();
		read(false);
		lastEntry = entryKey(dash);
	};
	window.addEventListener('popstate', onPop);

	const stop = $effect.root(() => {
		$effect(() => {
			const view = dash.toView();
			// The offline copy is one file: its address keeps its path (the language goes in `?lang=`),
			// and what it shares is the live site's page for the same view.
			const root = new URL(offlineCopy ? location.pathname : `${base}/`, location.href);
			root.search = location.search;
			const url = serialize(view, root, dash.defaultLayers, !offlineCopy).href;
			address.href = offlineCopy
				? serialize(view, new URL(`${offlineCopy.siteUrl}/`), dash.defaultLayers).href
				: url;
			const key = entryKey(dash);
			writer.write(url, key !== lastEntry ? 'push' : 'replace');
			lastEntry = key;
		});
	});
	return () => {
		stop();
		window.removeEventListener('popstate', onPop);
		writer.flush();
	};
}
