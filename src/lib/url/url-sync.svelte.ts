/* eslint-disable svelte/prefer-svelte-reactivity -- URLs here are throwaway values, never reactive state. */
// The one writer of the address bar. Reads the URL once at start, then mirrors state changes into
// it, throttled (Chromium rejects more than ~100 history updates per 10 s, and pans fire many).
import { replaceState } from '$app/navigation';
import type { Dashboard } from '$lib/state/dashboard.svelte';
import { parse, serialize } from './view-state';

const WRITE_EVERY_MS = 250;

export function startUrlSync(dash: Dashboard): () => void {
	dash.apply(parse(new URL(location.href), dash.known), navigator.languages);

	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending = '';
	const write = () => {
		timer = null;
		if (pending !== location.href) replaceState(pending, {});
	};
	const stop = $effect.root(() => {
		$effect(() => {
			pending = serialize(dash.toView(), new URL(location.href), dash.defaultLayers).href;
			timer ??= setTimeout(write, WRITE_EVERY_MS);
		});
	});
	return () => {
		stop();
		if (timer) clearTimeout(timer);
		write();
	};
}
