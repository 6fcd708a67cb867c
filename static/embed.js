/*
 * AI Art Discourse Explorer: embed loader for host pages.
 *
 *   <iframe src="https://<site>/embed/wave/" … data-aiart-embed></iframe>
 *   <script async src="https://<site>/embed.js"></script>
 *
 * Keeps each of our iframes as tall as its chart. The chart page posts {type: 'aiart-embed:height', id, height};
 * this loader (research/perf-security.md §B4):
 *   1. acts only on the iframe whose contentWindow is the message's source (never looks an iframe up by id);
 *   2. only if that iframe is one of ours (marked data-aiart-embed or pointing at <site>/embed/) and the message
 *      comes from the origin this script was loaded from;
 *   3. only for a finite numeric height, clamped to 100–5000 px;
 *   4. never navigates, and never writes HTML, URLs or any other text taken from a message into the page.
 */
(function (window, document) {
	'use strict';
	if (window.__aiartEmbedLoader) return; // loaded twice (two snippets on one page): one listener is enough
	var TYPE = 'aiart-embed:height';
	var MIN = 100;
	var MAX = 5000;
	var script = document.currentScript;
	var origin = null;
	try {
		origin = script && script.src ? new URL(script.src, document.baseURI).origin : null;
	} catch {
		origin = null;
	}

	function isOurs(frame) {
		if (frame.hasAttribute && frame.hasAttribute('data-aiart-embed')) return true;
		try {
			var u = new URL(frame.src, document.baseURI);
			return u.origin === origin && u.pathname.indexOf('/embed/') === 0;
		} catch {
			return false;
		}
	}

	function frameFor(source) {
		if (!source) return null;
		var frames = document.getElementsByTagName('iframe');
		for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
		return null;
	}

	/** Returns the clamped height to apply, or null when the message must be ignored. */
	function heightFrom(event) {
		if (origin && event.origin !== origin) return null;
		var d = event.data;
		if (!d || typeof d !== 'object' || d.type !== TYPE) return null;
		var h = d.height;
		if (typeof h !== 'number' || !isFinite(h)) return null;
		return Math.round(Math.min(MAX, Math.max(MIN, h)));
	}

	function onMessage(event) {
		var h = heightFrom(event);
		if (h === null) return;
		var frame = frameFor(event.source);
		if (!frame || !isOurs(frame)) return;
		frame.style.height = h + 'px';
		frame.setAttribute('height', String(h));
	}

	window.addEventListener('message', onMessage);
	window.__aiartEmbedLoader = { version: 1, origin: origin };
})(window, document);
