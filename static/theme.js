// Applies a reader's saved theme before first paint. A file, not an inline script, so the CSP needs no
// 'unsafe-inline'. Embeds pass ?dark=true|false|auto instead, which wins over the saved choice.
(function () {
	try {
		var q = new URLSearchParams(location.search).get('dark');
		var saved =
			q === 'true' ? 'dark' : q === 'false' ? 'light' : q === 'auto' ? null : localStorage.getItem('theme');
		if (saved === 'dark' || saved === 'light') document.documentElement.setAttribute('data-theme', saved);
	} catch {
		/* storage blocked: follow the system theme */
	}
})();
