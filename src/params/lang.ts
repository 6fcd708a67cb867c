import type { ParamMatcher } from '@sveltejs/kit';

/** The optional first path segment: /ko/… serves the Korean site; no segment serves English. */
export const match: ParamMatcher = (param) => param === 'ko';
