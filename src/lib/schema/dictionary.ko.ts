/**
 * The data dictionary in Korean: each table's and column's description of tables.ts, for the Korean data page.
 * Column names, types, codes and examples stay as they are (they are data); only the prose is translated.
 * tests/unit/schema/dictionary.test.ts holds this file to tables.ts: every table and column, nothing else.
 */
import type { TableName } from './types';

interface TableWords {
	table: string;
	columns: Record<string, string>;
}

const provenance =
	'행의 출처: observed(실제 아카이브나 내보내기 파일), documented(출처가 있는 공개 사실), simulated(시드 기반 시뮬레이터가 만든 행).';

export const DICTIONARY_KO: Record<TableName, TableWords> = {
	snapshots: {
		table: '아트스테이션 피드를 한 번 캡처한 기록(한 시간대 안에 캡처한 모든 페이지).',
		columns: {
			snapshot_id: '캡처 식별자: 피드, dimension, UTC 시각.',
			feed: '캡처한 아트스테이션 피드.',
			dimension: '피드의 dimension 매개변수(all, 2d, 3d…).',
			captured_at: '캡처한 시각(UTC). Wayback 데이터는 CDX 타임스탬프.',
			original_url: '캡처한 피드의 URL.',
			archive_url: '캡처를 볼 수 있는 주소(관측 데이터는 Wayback URL, 시뮬레이션 데이터는 비어 있음).',
			item_count: '캡처에 담긴 항목 수.',
			provenance
		}
	},
	trending_items: {
		table: '캡처한 피드의 프로젝트 타일 하나(순위 순).',
		columns: {
			snapshot_id: '이 타일이 속한 캡처(snapshots.snapshot_id).',
			rank: '피드에서의 순위, 1부터 셈: position + per_page × (page − 1).',
			project_id: '아트스테이션 프로젝트 ID(숫자가 아니라 언제나 문자열).',
			hash_id: '프로젝트 URL에 쓰이는 아트스테이션의 짧은 해시.',
			title: '타일에 보이는 프로젝트 제목.',
			artist_username: '작가 핸들(시뮬레이션 행은 합성한 이름).',
			artist_name: '작가의 표시 이름(시뮬레이션 행은 합성한 이름).',
			cover_url: '표지 이미지 URL(시뮬레이션 행은 비어 있음).',
			is_protest: 'data/rules/의 시위 규칙으로 판정한, 시위 이미지인지 여부.',
			protest_signal: '일치한 시위 규칙(일치한 규칙이 없으면 비어 있음).',
			provenance
		}
	},
	posts: {
		table: '시위나 소문에 관한 소셜 미디어 게시물, 리포스트, 인용, 답글.',
		columns: {
			post_id: '플랫폼 이름을 앞에 붙인 ID, 예: twitter:1603…(언제나 문자열).',
			platform: '게시물이 올라온 곳.',
			author_id: '플랫폼 이름을 앞에 붙인 작성자 ID.',
			author_handle: '작성자 핸들(시뮬레이션 행은 누가 봐도 합성인 이름).',
			created_at: '게시한 시각(UTC).',
			lang: '본문의 언어(BCP-47).',
			text: '게시물 본문(HTML을 걷어 낸 일반 텍스트).',
			url: '게시물 링크(시뮬레이션 행은 비어 있음).',
			reply_to_id: '이 게시물이 답글을 단 게시물의 post_id.',
			quote_of_id: '이 게시물이 인용한 게시물의 post_id.',
			repost_of_id: '이 게시물이 리포스트한 게시물의 post_id.',
			like_count: '수집 시점의 좋아요 수.',
			repost_count: '수집 시점의 리포스트(리트윗, 부스트) 수.',
			reply_count: '수집 시점의 답글 수.',
			stance: '게시물의 입장: 주장 확산, 반박, 시위, AI 옹호, 기타.',
			claim_id: '게시물이 퍼뜨리거나 반박하는 주장(claims.claim_id).',
			cascade_id: '게시물이 속한 확산 단위(재공유 트리). 루트 게시물의 post_id.',
			parent_id: '이 게시물이 퍼져 나온 게시물(확산 단위의 루트는 비어 있음).',
			edge_kind: '부모 게시물에서 퍼진 방식: 관측된 repost/quote/reply, 또는 추정(inferred).',
			depth: '확산 단위의 루트에서 몇 단계 떨어졌는지(루트 = 0).',
			dup_of: '앞선 게시물을 되풀이한 행(같은 작성자, 같은 본문)이면 그 첫 게시물.',
			provenance
		}
	},
	events: {
		table: '시위와 소문에 관해 문서로 확인된 사건. 출처와 신뢰도를 함께 적었습니다.',
		columns: {
			event_id: '바뀌지 않는 식별자.',
			occurred_on: '일어난 날(출처가 밝힌 UTC 날짜).',
			occurred_at: '정확한 시각(UTC). 출처가 시각을 밝힌 경우에만 있음.',
			kind: '사건의 종류.',
			title_en: '짧은 제목, 영어.',
			title_ko: '짧은 제목, 한국어.',
			summary_en: '무슨 일이 있었는지 우리 말로 쓴 요약, 영어. 출처끼리 엇갈리는 곳은 그렇다고 밝힘.',
			summary_ko: '무슨 일이 있었는지 우리 말로 쓴 요약, 한국어.',
			actors: '행동한 주체, "; "로 구분(공인은 출처가 밝힌 이름으로만).',
			source_urls: '출처 URL, 공백으로 구분.',
			confidence: 'C2 = 독립된 출처 둘 이상이 확인, S1 = 출처 하나, U = 확인되지 않았거나 출처끼리 엇갈림.',
			provenance
		}
	},
	claims: {
		table: '퍼진 주장 하나와 그에 대한 판정, 판정의 근거.',
		columns: {
			claim_id: '바뀌지 않는 식별자.',
			summary_en: '주장을 풀어 쓴 것, 영어.',
			summary_ko: '주장을 풀어 쓴 것, 한국어.',
			verdict: '주장에 대한 우리의 판정.',
			first_seen_at:
				'주장이 처음 보였다고 문서로 확인된 가장 이른 날(출처가 날짜를 밝히지 않으면 비어 있음).',
			explanation_en: '판정의 근거, 영어.',
			explanation_ko: '판정의 근거, 한국어.',
			source_urls: '출처 URL, 공백으로 구분.',
			provenance
		}
	},
	cascades: {
		table:
			'파생 테이블: 확산 단위(캐스케이드)마다 한 행. Vosoughi 외(2018)와 Goel 외(2016)의 확산 지표를 담았습니다.',
		columns: {
			cascade_id: '확산 단위. 루트 게시물의 post_id로 부름.',
			claim_id: '루트 게시물의 주장.',
			stance: '루트 게시물의 입장.',
			root_post_id: '원 게시물.',
			platform: '루트 게시물의 플랫폼.',
			lang: '루트 게시물의 언어.',
			size: '확산 단위의 게시물 수. 루트 포함, 중복 사본 제외.',
			depth: '루트에서 이어지는 가장 긴 단계 수.',
			max_breadth: '한 깊이에 있는 게시물 수 가운데 가장 큰 값.',
			structural_virality:
				'모든 노드 쌍 사이 거리의 평균(Goel 외). 한 계정이 퍼뜨리는 별 모양이면 2 안팎이고, 긴 사슬일수록 커짐. 게시물이 하나뿐이면 비어 있음.',
			first_at: '루트 게시물의 시각(UTC).',
			last_at: '마지막 게시물의 시각(UTC).',
			minutes_to_100: '루트부터 게시물이 100개가 되기까지 걸린 분(100개에 이르지 못했으면 비어 있음).',
			provenance
		}
	}
};
