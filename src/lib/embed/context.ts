import { getContext, setContext } from 'svelte';

/** Set by the embed page; ChartFrame reads it to drop the site-only actions (download, embed, cite). */
export interface EmbedContext {
	embedded: true;
}

const KEY = Symbol('chart-embed');

export const setEmbedContext = (ctx: EmbedContext): EmbedContext => setContext(KEY, ctx);
export const getEmbedContext = (): EmbedContext | undefined => getContext<EmbedContext | undefined>(KEY);
