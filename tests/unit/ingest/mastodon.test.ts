import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localHostOf } from '../../../scripts/ingest/formats/mastodon';
import { byId, counts, FIXTURES, run, tmp, type Run } from './helpers';

const DIR = `${FIXTURES}/mastodon`;
const id = (n: string) => `mastodon:mastodon.art:${n}`;

let r: Run;
beforeAll(async () => {
	r = await run({ format: 'mastodon', inputs: [DIR] });
});

describe('mastodon', () => {
	it('accounts for every status, boosted and quoted ones included', () => {
		// statuses.jsonl: 8 lines → 11 records (a boost carries its status, an array line two, a quote its status).
		expect(counts(r.summary)).toEqual({ 'statuses.jsonl': [11, 6, 1, 4], 'timeline.json': [2, 2, 0, 0] });
		expect(r.summary.balanced).toBe(true);
		expect(r.rejects.map((x) => [x.line, x.index ?? null, x.reason])).toEqual([
			[4, '[0]', 'empty-text'],
			[4, '[1]', 'lossy-numeric-id'],
			[5, null, 'unknown-shape'],
			[6, null, 'out-of-range-timestamp']
		]);
	});

	it('turns content HTML into plain text: <br> and paragraphs, tags stripped, entities decoded', () => {
		const p = byId(r.posts);
		expect(p.get(id('109512345678901234'))?.text).toBe(
			'No to AI generated images & no to scraping.\n#NoAIArt 🎨 🚫\n\n두 번째 문단 <b>not bold</b>'
		);
		expect(p.get(id('109512345678902000'))?.text).toBe(
			`@artist Midjourney isn't retrained in real time, that "poisoned" story is fake. https://alook.so/posts/6Mter6D`
		);
		expect(p.get(id('109512345678910000'))?.text).toBe(
			"Tom & Jerry's “No AI” poster\u00a0— 가가 &unknown; \ufffd"
		);
		expect(p.get(id('109512345678911000'))?.text).toBe('line one\nline two\nline three\n\nend');
	});

	it('qualifies ids with the server host, keeps acct, url, counts, language and UTC time', () => {
		expect(byId(r.posts).get(id('109512345678902000'))).toMatchObject({
			platform: 'mastodon',
			author_id: 'mastodon:mastodon.art:109300000000000002',
			author_handle: 'skeptic@sigmoid.social',
			created_at: '2022-12-15T09:00:00Z',
			url: 'https://sigmoid.social/@skeptic/109512340000000000',
			reply_to_id: id('109512345678901234'),
			like_count: '5',
			repost_count: '1',
			reply_count: '0',
			lang: 'en',
			stance: 'debunk',
			parent_id: id('109512345678901234'),
			edge_kind: 'reply',
			depth: '1'
		});
	});

	it('ingests a boost (text of the boosted status) and the boosted status itself', () => {
		const p = byId(r.posts);
		expect(p.get(id('109512345678905000'))).toMatchObject({
			author_handle: 'booster',
			repost_of_id: id('109512345678904000'),
			text: 'Midjourney is already contaminated by the protest images!',
			lang: 'en',
			edge_kind: 'repost',
			cascade_id: id('109512345678904000'),
			stance: 'claim'
		});
		expect(p.get(id('109512345678904000'))).toMatchObject({
			author_handle: 'rumor@mastodon.social',
			depth: '0'
		});
	});

	it('ingests a quote (Mastodon 4.4+) and its quoted status', () => {
		const p = byId(r.posts);
		expect(p.get(id('109512345678909000'))).toMatchObject({
			quote_of_id: id('109512345678908000'),
			edge_kind: 'quote'
		});
		expect(p.get(id('109512345678908000'))).toMatchObject({ stance: 'debunk', lang: 'ko' });
		// A reply to the quote sits two hops from the quoted status.
		expect(p.get(id('109512345678910000'))).toMatchObject({
			cascade_id: id('109512345678908000'),
			depth: '2'
		});
	});

	it('rejects an image-only status: an empty text cannot be a posts row (empty is null, text is required)', () => {
		const x = r.rejects.find((e) => e.reason === 'empty-text');
		expect(JSON.parse(String(x?.raw))).toMatchObject({ id: '109512345678906000', content: '' });
		expect(r.posts.some((p) => p.post_id === id('109512345678906000'))).toBe(false);
		expect(readFileSync(join(r.out, 'posts.csv'), 'utf8')).not.toContain(',"",');
	});

	it('takes the host from --instance, else from a local account, else refuses to guess', async () => {
		const forced = await run({
			format: 'mastodon',
			inputs: [`${DIR}/timeline.json`],
			mastodon: { instance: 'Example.Social' }
		});
		expect(forced.posts.map((p) => p.post_id)).toEqual([
			'mastodon:example.social:109512345678910000',
			'mastodon:example.social:109512345678911000'
		]);
		expect(
			localHostOf({
				id: '1',
				content: '',
				uri: 'https://a.example/users/x/statuses/1',
				account: { acct: 'x' }
			})
		).toBe('a.example');
		expect(
			localHostOf({ id: '1', content: '', uri: 'https://a.example/x', account: { acct: 'x@b.example' } })
		).toBeNull();
		const dir = tmp();
		const remote = JSON.parse(readFileSync(`${DIR}/statuses.jsonl`, 'utf8').split('\n')[1]);
		writeFileSync(join(dir, 'remote.jsonl'), JSON.stringify(remote) + '\n');
		await expect(run({ format: 'mastodon', inputs: [join(dir, 'remote.jsonl')] })).rejects.toThrow(
			/--instance/
		);
	});
});
