import { loadManifest } from '$lib/data/manifest';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({ manifest: await loadManifest(fetch) });
