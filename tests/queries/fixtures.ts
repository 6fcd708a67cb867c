/**
 * Tiny posts fixture with the real schema, loaded the way the browser engine loads the build's files:
 * contract table → Parquet (COPY) → staging table → engine tables (posts_core, posts_text, posts_hourly) and the
 * `posts` view. Every number asserted in the tests can be counted by hand from FIXTURE_POSTS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLES, createTableSql } from '../../src/lib/schema';
import { ident, sqlLiteral } from '../../src/lib/queries/sql';
import {
	ENGINE_TABLES,
	createEngineTableSql,
	createPostsViewSql,
	postsCoreFromPostsSql,
	postsHourlyFromPostsSql,
	type EngineTable
} from '../../src/lib/queries/tables';
import { nodeRunner, type NodeRunner } from '../helpers/node-runner';

/**
 * Moves rows of a staging table into an engine table by column name, casting to the contract types (the staging
 * tables here come from Parquet; the browser appends the build's Arrow files positionally instead).
 */
function appendFromStagingSql(target: EngineTable, staging: string): string {
	const cols = ENGINE_TABLES[target].map((c) => ident(c.name));
	const casts = ENGINE_TABLES[target].map((c) => `CAST(${ident(c.name)} AS ${c.type})`);
	return `INSERT INTO ${ident(target)} (${cols.join(', ')}) SELECT ${casts.join(', ')} FROM ${ident(staging)}`;
}

type P = {
	id: number;
	platform: 'twitter' | 'mastodon';
	author: string;
	at: string;
	lang: 'en' | 'ko';
	text: string;
	stance: string;
	claim: string | null;
	dupOf?: number;
	prov: 'simulated' | 'observed';
	likes: number;
	repostOf?: number;
};

export const XSS_TEXT = '<img src=x onerror=alert(1)>';
const POISONED = 'Midjourney is poisoned by the protest images';

export const FIXTURE_POSTS: P[] = [
	{
		id: 1,
		platform: 'twitter',
		author: 'a1',
		at: '2022-12-14 03:10:00',
		lang: 'en',
		text: POISONED,
		stance: 'claim',
		claim: 'mj-poisoned',
		prov: 'simulated',
		likes: 10
	},
	{
		id: 2,
		platform: 'twitter',
		author: 'a1',
		at: '2022-12-14 03:40:00',
		lang: 'en',
		text: POISONED,
		stance: 'claim',
		claim: 'mj-poisoned',
		dupOf: 1,
		prov: 'simulated',
		likes: 1
	},
	{
		id: 9,
		platform: 'twitter',
		author: 'a1',
		at: '2022-12-14 20:00:00',
		lang: 'en',
		text: POISONED,
		stance: 'claim',
		claim: 'mj-poisoned',
		dupOf: 1,
		prov: 'simulated',
		likes: 0
	},
	{
		id: 3,
		platform: 'twitter',
		author: 'a3',
		at: '2022-12-14 05:00:00',
		lang: 'en',
		text: "That's false: poisoning doesn't work like that",
		stance: 'debunk',
		claim: 'mj-poisoned',
		prov: 'observed',
		likes: 50
	},
	{
		id: 4,
		platform: 'mastodon',
		author: 'a4',
		at: '2022-12-14 05:30:00',
		lang: 'ko',
		text: '미드저니가 오염되었다는 소문은 거짓입니다',
		stance: 'debunk',
		claim: 'mj-poisoned',
		prov: 'simulated',
		likes: 5
	},
	{
		id: 12,
		platform: 'mastodon',
		author: 'a12',
		at: '2022-12-14 23:00:00',
		lang: 'ko',
		text: 'NO TO AI 미드저니 오염',
		stance: 'claim',
		claim: 'mj-poisoned',
		prov: 'simulated',
		likes: 2
	},
	{
		id: 5,
		platform: 'mastodon',
		author: 'a5',
		at: '2022-12-15 01:00:00',
		lang: 'ko',
		text: 'AI 반대 시위 NO TO AI',
		stance: 'protest',
		claim: null,
		prov: 'simulated',
		likes: 7
	},
	{
		id: 6,
		platform: 'twitter',
		author: 'a6',
		at: '2022-12-15 01:15:00',
		lang: 'en',
		text: 'No to AI generated images',
		stance: 'protest',
		claim: null,
		prov: 'simulated',
		likes: 30
	},
	{
		id: 7,
		platform: 'twitter',
		author: 'a7',
		at: '2022-12-15 02:00:00',
		lang: 'en',
		text: 'No to AI generated images',
		stance: 'protest',
		claim: null,
		prov: 'simulated',
		likes: 0,
		repostOf: 6
	},
	{
		id: 8,
		platform: 'twitter',
		author: 'a8',
		at: '2022-12-15 09:00:00',
		lang: 'en',
		text: "AI art is fine, it's just a tool",
		stance: 'pro_ai',
		claim: null,
		prov: 'simulated',
		likes: 3
	},
	{
		id: 11,
		platform: 'twitter',
		author: 'a11',
		at: '2022-12-15 23:59:59',
		lang: 'en',
		text: XSS_TEXT,
		stance: 'other',
		claim: null,
		prov: 'observed',
		likes: 0
	}
];

export const pid = (p: Pick<P, 'platform' | 'id'>) => `${p.platform}:${p.id}`;
const byId = new Map(FIXTURE_POSTS.map((p) => [p.id, p]));

function postRow(p: P): Record<string, string | number | boolean | null> {
	const parent = p.repostOf ? byId.get(p.repostOf)! : null;
	return {
		post_id: pid(p),
		platform: p.platform,
		author_id: `${p.platform}:${p.author}`,
		author_handle: `sim_${p.author}`,
		created_at: p.at,
		lang: p.lang,
		text: p.text,
		url: p.prov === 'observed' ? `https://example.org/${p.id}` : null,
		reply_to_id: null,
		quote_of_id: null,
		repost_of_id: parent ? pid(parent) : null,
		like_count: p.likes,
		repost_count: p.id === 6 ? 1 : 0,
		reply_count: 0,
		stance: p.stance,
		claim_id: p.claim,
		cascade_id: parent ? pid(parent) : pid(p),
		parent_id: parent ? pid(parent) : null,
		edge_kind: parent ? 'repost' : null,
		depth: parent ? 1 : 0,
		dup_of: p.dupOf ? pid(byId.get(p.dupOf)!) : null,
		provenance: p.prov
	};
}

export interface Fixture {
	db: NodeRunner;
	dir: string;
	cleanup(): void;
}

/** Loads the fixture into a fresh node DuckDB, through Parquet, into the browser engine's table layout. */
export async function loadFixture(): Promise<Fixture> {
	const db = await nodeRunner();
	const dir = mkdtempSync(join(tmpdir(), 'aiad-queries-'));
	// 1. The contract table, as the build holds it.
	await db.exec(createTableSql(TABLES.posts, 'src_posts'));
	const cols = TABLES.posts.columns;
	const values = FIXTURE_POSTS.map((p) => {
		const row = postRow(p);
		return `(${cols.map((c) => (c.type === 'TIMESTAMP' ? `TIMESTAMP ${sqlLiteral(row[c.name] as string)}` : sqlLiteral(row[c.name]))).join(', ')})`;
	});
	await db.exec(`INSERT INTO src_posts VALUES ${values.join(',\n')}`);
	// 2. Parquet written and read back (the researchers' download format).
	const parquet = join(dir, 'posts.parquet').replaceAll('\\', '/');
	await db.exec(`COPY src_posts TO ${sqlLiteral(parquet)} (FORMAT parquet)`);
	await db.exec(`CREATE TABLE _stage_posts AS SELECT * FROM read_parquet(${sqlLiteral(parquet)})`);
	await db.exec(
		`CREATE TABLE _stage_hourly AS ${postsHourlyFromPostsSql(`read_parquet(${sqlLiteral(parquet)})`)}`
	);
	await db.exec(`CREATE TABLE _stage_core AS ${postsCoreFromPostsSql('_stage_posts')}`);
	// 3. The engine layout, filled the way the browser fills it from Arrow staging tables.
	for (const name of Object.keys(ENGINE_TABLES) as EngineTable[]) await db.exec(createEngineTableSql(name));
	await db.exec(appendFromStagingSql('posts_core', '_stage_core'));
	await db.exec(appendFromStagingSql('posts_text', '_stage_posts'));
	await db.exec(appendFromStagingSql('posts_hourly', '_stage_hourly'));
	await db.exec('DROP TABLE _stage_posts');
	await db.exec('DROP TABLE _stage_hourly');
	await db.exec('DROP TABLE _stage_core');
	await db.exec(createPostsViewSql());
	return {
		db,
		dir,
		cleanup() {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
