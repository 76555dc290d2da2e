// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
	/** Set by vite.config.ts: whether `npm run pack` follows this build (an offline copy to offer). */
	const __OFFLINE_COPIES__: boolean | undefined;
}

export {};
