// Typed contexts, as MIERUNE/svelte-maplibre-gl's contexts.svelte.ts: DashboardApp sets them once,
// every component below reads them, and a component used outside the app fails with a clear error.
import { getContext, setContext } from 'svelte';
import type { Address } from '$lib/url/address.svelte';
import type { Dashboard } from './dashboard.svelte';

/** A setter and a getter on a private key; the getter throws "<name> context not found" when unset. */
function context<T>(name: string) {
	const key = Symbol(name);
	const set = (value: T): T => setContext(key, value);
	const get = (): T => {
		const value = getContext<T | undefined>(key);
		if (!value) throw new Error(`${name} context not found: render this component inside DashboardApp.`);
		return value;
	};
	return [set, get] as const;
}

/** The dashboard's state. */
export const [setDashboardContext, getDashboardContext] = context<Dashboard>('Dashboard');
/** The page's address, kept by url-sync (components never read `location`). */
export const [setAddressContext, getAddressContext] = context<Address>('Address');
