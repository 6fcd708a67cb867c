// @ts-check
// Runs in every embed page (live and static) before first paint: applies the URL render flags, then reports
// the page height to the host page. A plain file rather than app code, so static embeds need no framework
// script and a strict CSP needs no 'unsafe-inline'. It never listens for messages from the host.
(function () {
	'use strict';
	var TYPE = 'aiart-embed:height';
	var q = new URLSearchParams(location.search);
	/** @param {string | null} v */
	var on = function (v) {
		return v === '' || v === 'true' || v === '1';
	};
	var html = document.documentElement;

	// ?lang=ko and ?static=true map onto prerendered paths (/embed/ko/<chart>/, …/static/), which also work
	// without JavaScript. The target is built only from our own path, never from a parameter's text.
	var m = /^\/embed\/(?:(ko)\/)?([\w-]+)\/(static\/)?$/.exec(location.pathname);
	if (m) {
		var wantLang = q.get('lang');
		var lang = wantLang === 'ko' || wantLang === 'en' ? wantLang : m[1] ? 'ko' : 'en';
		var isStatic = q.has('static') ? on(q.get('static')) : !!m[3];
		var target = '/embed/' + (lang === 'ko' ? 'ko/' : '') + m[2] + '/' + (isStatic ? 'static/' : '');
		if (target !== location.pathname) {
			q.delete('lang');
			q.delete('static');
			var rest = q.toString();
			location.replace(target + (rest ? '?' + rest : '') + location.hash);
			return;
		}
	}
	if (on(q.get('plain'))) html.setAttribute('data-embed-plain', '');
	if (on(q.get('transparent'))) html.setAttribute('data-embed-transparent', '');

	if (window.parent === window) return;
	var id = m ? m[2] : 'chart';
	var last = -1;
	var queued = false;

	function send() {
		queued = false;
		var h = Math.ceil(document.body.getBoundingClientRect().height);
		if (!(h > 0) || h === last) return;
		last = h;
		window.parent.postMessage({ type: TYPE, id: id, height: h }, '*');
	}
	// ResizeObserver can fire many times per frame while fonts load or a table opens: send once per frame.
	function schedule() {
		if (queued) return;
		queued = true;
		requestAnimationFrame(send);
	}
	function start() {
		if (typeof ResizeObserver === 'function') new ResizeObserver(schedule).observe(document.body);
		else window.addEventListener('resize', schedule);
		window.addEventListener('load', schedule);
		schedule();
	}
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
	else start();
})();
