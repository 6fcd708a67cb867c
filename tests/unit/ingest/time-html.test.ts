import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../../scripts/ingest/html';
import { cdxTimestampToIso, compactIso, toUtcIso } from '../../../scripts/ingest/time';

describe('toUtcIso', () => {
	it.each([
		['2022-12-15T14:02:11.000Z', '2022-12-15T14:02:11Z'],
		['2022-12-15T14:02:11Z', '2022-12-15T14:02:11Z'],
		['2022-12-15T23:10:00+09:00', '2022-12-15T14:10:00Z'],
		['2022-12-15T20:00:00.123+05:30', '2022-12-15T14:30:00.123Z'],
		['2022-12-15T09:00:00-0500', '2022-12-15T14:00:00Z'],
		['2022-12-15 14:02Z', '2022-12-15T14:02:00Z'],
		['2022-12-15T14:02:11.1234567Z', '2022-12-15T14:02:11.123456Z'],
		['2022-12-31T23:30:00-01:00', '2023-01-01T00:30:00Z'],
		['Wed Dec 14 03:15:00 +0000 2022', '2022-12-14T03:15:00Z'],
		['Wed, 14 Dec 2022 12:15:00 +0900', '2022-12-14T03:15:00Z'],
		['14 Dec 2022 03:15:00 GMT', '2022-12-14T03:15:00Z']
	])('reads %j as %s', (input, iso) => {
		expect(toUtcIso(input)).toMatchObject({ ok: true, iso });
	});

	it.each([
		[undefined, 'missing-timestamp'],
		['', 'missing-timestamp'],
		['yesterday', 'unparseable-timestamp'],
		[1671026531, 'unparseable-timestamp'],
		['2022-12-15 14:02:11', 'no-timezone'],
		['2022-02-30T00:00:00Z', 'out-of-range-timestamp'],
		['2022-12-15T25:00:00Z', 'out-of-range-timestamp'],
		['2022-12-15T12:00:00+15:00', 'unparseable-timestamp'],
		['1969-12-31T23:59:59Z', 'out-of-range-timestamp']
	])('rejects %j (%s), never guessing', (input, error) => {
		expect(toUtcIso(input)).toEqual({ ok: false, error });
	});

	it('reads a time without a zone as UTC only when asked to', () => {
		expect(toUtcIso('2022-12-15 14:02:11', { assumeUtc: true })).toMatchObject({
			ok: true,
			iso: '2022-12-15T14:02:11Z'
		});
	});

	it('gives microseconds since the epoch, exactly', () => {
		expect(toUtcIso('2022-12-15T14:30:00.123456Z')).toMatchObject({
			us: Date.UTC(2022, 11, 15, 14, 30) * 1000 + 123456
		});
		expect(toUtcIso('1970-01-01T00:00:00.000001Z')).toMatchObject({ us: 1 });
	});

	it('reads Wayback timestamps and compacts ISO times for identifiers', () => {
		expect(cdxTimestampToIso('20221214031500')).toBe('2022-12-14T03:15:00Z');
		expect(cdxTimestampToIso('2022121403')).toBeNull();
		expect(cdxTimestampToIso('20221314031500')).toBeNull();
		expect(compactIso('2022-12-14T03:15:00Z')).toBe('20221214T031500Z');
		expect(compactIso('2022-12-14T03:15:00.25Z')).toBe('20221214T031500Z');
	});
});

describe('htmlToText (Mastodon content)', () => {
	it.each([
		['<p>Hello <b>world</b></p>', 'Hello world'],
		['<p>one<br>two<br/>three<br />four</p>', 'one\ntwo\nthree\nfour'],
		['<p>first</p><p>second</p>', 'first\n\nsecond'],
		['<p>a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &apos;f&apos;</p>', "a & b <c> \"d\" 'e' 'f'"],
		['<p>&#127912; &#x1F6AB; &#xAC00;&#44032;</p>', '🎨 🚫 가가'],
		['<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', '<script>alert(1)</script>'],
		['<p>keep &unknown; and &#0; &#x110000;</p>', 'keep &unknown; and \ufffd \ufffd'],
		['<p>x<script>alert(1)</script>y<!-- note --></p>', 'xy'],
		['<a href="https://x" title="a > b">link</a>', 'link'],
		[
			'<p><a href="https://alook.so/posts/6Mter6D"><span class="invisible">https://</span><span class="ellipsis">alook.so/posts/6Mter6</span><span class="invisible">D</span></a></p>',
			'https://alook.so/posts/6Mter6D'
		],
		['<p>spaced    out\n source   lines</p>', 'spaced out source lines'],
		['', '']
	])('turns %j into %j', (html, text) => {
		expect(htmlToText(html)).toBe(text);
	});

	it('decodes entities only after tags are gone and leaves text without & alone', () => {
		expect(decodeEntities('no entities here')).toBe('no entities here');
		expect(decodeEntities('&ndash;&mdash;&hellip;&nbsp;')).toBe('–—…\u00a0');
	});
});
