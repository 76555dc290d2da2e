// Typed contexts, as MIERUNE/svelte-maplibre-gl's contexts.svelte.ts: DashboardApp sets them once,
// every component below reads them, and a component used outside the app fails with a clear error.
import { getContext, setContext } from 'svelte';
import type { Address } from '$lib/url/address.svelte';
import type { Dashboard } from './dashboard.svelte';

const DASHBOARD = Symbol('dashboard');
const ADDRESS = Symbol('address');

export function setDashboardContext(dash: Dashboard): Dashboard {
	return setContext(DASHBOARD, dash);
}

export function getDashboardContext(): Dashboard {
	const dash = getContext<Dashboard | undefined>(DASHBOARD);
	if (!dash) throw new Error('Dashboard context not found: render this component inside DashboardApp.');
	return dash;
}

export function setAddressContext(address: Address): Address {
	return setContext(ADDRESS, address);
}

/** The page's address, kept by url-sync. */
export function getAddressContext(): Address {
	const address = getContext<Address | undefined>(ADDRESS);
	if (!address) throw new Error('Address context not found: render this component inside DashboardApp.');
	return address;
}
