/** Only http(s) and same-site URLs from the data become links: a row can hold anything (javascript:, data:). */
export const safeHref = (href: string | null | undefined): string | null =>
	href && (/^https?:\/\//i.test(href) || /^\/(?!\/)/.test(href)) ? href : null;
