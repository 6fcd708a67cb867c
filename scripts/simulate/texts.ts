import type { Stance } from '../../src/lib/schema/vocab';
import type { Lang } from './config';

/**
 * Post texts: templates per stance × language × role (a cascade root, or a quote/reply responding to
 * something), written for this project in our own words, never quoting or naming real people. `{slot}`
 * marks are filled from the family's slot lists.
 *
 * A family is a finite set of texts (every template × every combination of its slots), numbered
 * 0…size−1. The simulator picks text number (authorOffset + k · STRIDE) mod size for an author's k-th
 * text, so one author never writes the same text twice by accident: the only exact repeats in the data are
 * the duplicates the simulator plants on purpose, which the build's dedup has to find.
 */

export type TextRole = 'root' | 'response';

interface FamilySpec {
	templates: readonly string[];
	slots: Readonly<Record<string, readonly string[]>>;
}

type FamilyKey = `${Stance}:${Lang}:${TextRole}`;

const EN_CLAIM_SLOTS = {
	thing: [
		'portrait',
		'landscape',
		'castle',
		'dragon',
		'cat',
		'cyberpunk street',
		'still life',
		'spaceship',
		'forest',
		'character sheet'
	],
	logo: ['No AI logo', 'red circle-slash logo', 'anti-AI sign', 'protest logo', 'NO TO AI symbol'],
	reaction: [
		'',
		'Karma.',
		'Poetic.',
		'They actually did it.',
		'The artists won this round.',
		"Can't stop laughing.",
		'Incredible.'
	],
	closer: ['', '#NoAIArt', '#Midjourney', '🤯', '😂', '#ArtStation', '(screenshots attached)', '👀']
};

const EN_DEBUNK_SLOTS = {
	point: [
		"Big image models aren't retrained in real time.",
		'A model is trained once on a frozen dataset and then shipped.',
		'Retraining a model like that takes weeks of compute, not an afternoon.',
		'Nothing uploaded this week can be inside the model people are using this week.',
		"Scraping new uploads doesn't change a model that's already deployed."
	],
	source: ['the viral screenshots', 'that tweet', "the 'poisoned Midjourney' posts", 'those logo renders'],
	explain: [
		"They're a joke, or made by feeding the logo in as an image prompt.",
		'You can get the same result by pasting the logo into the prompt.',
		"They're edited or image-prompted, not evidence of anything.",
		'It was satire and people took it literally.'
	],
	closer: ['', '#NoAIArt', '#Midjourney', '🧵', 'Please check before sharing.']
};

const EN_PROTEST_SLOTS = {
	demand: [
		'We want opt-in, not opt-out.',
		'Label AI images and give us a filter.',
		'Ask before you train on our work.',
		'Consent, credit and compensation.',
		'Keep prompt output off the front page.',
		'Protect the artists who built this site.'
	],
	people: ['artists', 'people who draw', 'human-made work', 'the artists who built it'],
	tag: ['#NoAIArt', '#NoToAIGeneratedImages', '#SupportHumanArtists', '#ArtStation', '#NoAI']
};

const EN_PRO_AI_SLOTS = {
	argument: [
		"It's a tool like any other.",
		"Photography didn't kill painting either.",
		'Learning from public images is how people learn too.',
		"The tech isn't going away.",
		'Nobody is stopping you from drawing.',
		'Adapt or get left behind.',
		'Every new medium gets this reaction.',
		'Artists have used references forever.'
	],
	closer: ['', '#AIArt', '#Midjourney', '#StableDiffusion', '🤷', '😅']
};

const EN_OTHER_SLOTS = {
	subject: [
		'the ArtStation front page',
		'the trending tab',
		'the whole ArtStation situation',
		"this week's art drama"
	],
	tail: ['', 'Anyone have a summary?', 'Wild times.', 'Curious where this goes.', 'Not sure what to think.'],
	closer: ['', '🤔', '👀', '#ArtStation', '#art']
};

const KO_CLAIM_SLOTS = {
	thing: [
		'풍경화',
		'인물화',
		'판타지 성',
		'고양이 그림',
		'사이버펑크 도시',
		'캐릭터 일러스트',
		'우주선',
		'숲 그림'
	],
	// Every logo name ends in a vowel, so the particle 가 after it is always right.
	logo: ['반대 로고', "'NO AI' 마크", '빨간 금지 표시', '시위 이미지'],
	reaction: ['', '대단하네요.', '통쾌하다.', '이게 되네.', '작가들이 한 방 먹였네요.', '웃프다.'],
	closer: ['', '#AI반대', '#미드저니', '😮', 'ㅋㅋㅋ', '#아트스테이션']
};

const KO_DEBUNK_SLOTS = {
	point: [
		'큰 모델은 실시간으로 다시 학습되지 않아요.',
		'모델은 정해진 데이터로 한 번 학습한 뒤 배포됩니다.',
		'새 모델을 학습시키려면 몇 주에서 몇 달이 걸립니다.',
		'이번 주에 올라온 그림이 이번 주에 쓰는 모델 안에 들어갈 수는 없어요.',
		'새로 수집한 이미지가 이미 배포된 모델을 바꾸지는 않습니다.'
	],
	source: ['그 트윗', "'제2의 러다이트' 기사", '미드저니 오염 이야기', '로고가 찍힌 결과물 캡처'],
	explain: [
		'원래 농담으로 올린 글이었어요.',
		'로고 이미지를 프롬프트에 넣으면 누구나 만들 수 있는 결과예요.',
		'합성이거나 이미지 프롬프트로 만든 것이지 증거가 아닙니다.'
	],
	closer: ['', '#미드저니', '#AI반대', '🧵', '공유 전에 한 번만 확인해 주세요.']
};

const KO_PROTEST_SLOTS = {
	demand: [
		'학습은 옵트아웃이 아니라 옵트인이어야 합니다.',
		'AI 이미지 표시와 필터를 만들어 주세요.',
		'작가의 동의가 먼저입니다.',
		'출처 표시와 보상이 필요해요.',
		'사람이 그린 그림을 지켜 주세요.',
		'무단 학습을 멈춰 주세요.',
		'작가들의 목소리를 들어 주세요.'
	],
	tag: ['#NoAIArt', '#AI반대', '#아트스테이션', '#NoToAIGeneratedImages', '#AI_생성_이미지_반대']
};

const KO_PRO_AI_SLOTS = {
	argument: [
		'AI도 결국 도구일 뿐이에요.',
		'사진기가 나왔을 때도 똑같은 말이 나왔죠.',
		'기술 발전은 막을 수 없어요.',
		'사람도 남의 그림을 보면서 배우잖아요.',
		'그림 그리는 사람을 막는 건 아무도 없어요.',
		'결국 쓰는 사람 하기 나름이에요.',
		'새 도구에 적응하는 게 답이라고 봐요.'
	],
	closer: ['', '#AI그림', '#미드저니', '🤷', '#AI아트', '🙂']
};

const KO_OTHER_SLOTS = {
	subject: ['아트스테이션 메인', '아트스테이션 트렌딩', '해외 AI 그림 논쟁', '이번 아트스테이션 사태'],
	tail: ['', '나중에 읽어 보려고요.', '궁금하네요.', '다들 어떻게 생각하세요?', '분위기가 심상치 않네요.'],
	closer: ['', '🤔', '👀', '#아트스테이션']
};

export const FAMILIES: Readonly<Record<FamilyKey, FamilySpec>> = {
	'claim:en:root': {
		templates: [
			'{opener} the ArtStation protest actually worked: Midjourney is now putting the {logo} into my {thing} renders. {reaction} {closer}',
			'{opener} Midjourney got poisoned by the protest images. Every {thing} prompt comes back with the {logo} on it. {reaction} {closer}',
			'{opener} artists flooded ArtStation with the {logo} and now it shows up inside Midjourney outputs. {reaction} {closer}',
			'{opener} Midjourney must have trained on the protest posts overnight, my {thing} has the {logo} stamped in the corner. {closer}',
			'{opener} the {logo} is leaking into Midjourney generations. The protest poisoned its training data. {reaction} {closer}',
			'{opener} tried to make a {thing} in Midjourney and got the {logo} instead. The anti-AI images are in the model now. {closer}'
		],
		slots: {
			opener: ['', 'Wow.', 'Okay, so', 'lol', 'Breaking:', 'Not a drill:', 'Huh.', 'Wait.', 'Well then.'],
			...EN_CLAIM_SLOTS
		}
	},
	'claim:en:response': {
		templates: [
			'{opener} so the protest images really got into Midjourney? {reaction} {closer}',
			'{opener} the poisoning worked, Midjourney is drawing the {logo} now {closer}',
			'{opener} imagine training on ArtStation and learning the {logo} {reaction} {closer}',
			"{opener} Midjourney ate the protest and now it's in every {thing} {closer}",
			'{opener} sharing this before it gets deleted: Midjourney outputs with the {logo} {closer}'
		],
		slots: { opener: ['', 'lmao', 'wait', 'no way', 'ha,', 'ok', 'omg'], ...EN_CLAIM_SLOTS }
	},
	'debunk:en:root': {
		templates: [
			'{opener} Midjourney was not poisoned by the ArtStation protest. {point} {closer}',
			'{opener} about {source}: {explain} {point} {closer}',
			'{opener} the protest images are not in Midjourney. {point} {explain} {closer}',
			'{opener} {source} prove nothing. {point} {closer}',
			"{opener} no, the anti-AI logos did not get into Midjourney's training. {point} {closer}"
		],
		slots: {
			opener: [
				'',
				'PSA:',
				'Quick reminder:',
				'Fact check:',
				'Sorry to spoil it, but',
				'For the record,',
				'Please stop sharing this:'
			],
			...EN_DEBUNK_SLOTS
		}
	},
	'debunk:en:response': {
		templates: [
			"{opener} this isn't how it works. {point} {closer}",
			"{opener} that's a joke post. {point} {closer}",
			"{opener} Midjourney hasn't shipped a new model since November, so no. {point} {closer}",
			'{opener} {explain} {point} {closer}',
			'{opener} source? {point} {closer}'
		],
		slots: {
			opener: ['', 'Nope.', 'Not true.', 'Sadly,', 'Hate to break it to you, but', 'Fun joke, but', 'No.'],
			...EN_DEBUNK_SLOTS
		}
	},
	'protest:en:root': {
		templates: [
			'{opener} I uploaded the No to AI Generated Images logo to my ArtStation. {demand} {tag}',
			"{opener} ArtStation's front page should be for {people}, not prompt output. {demand} {tag}",
			'{opener} Our portfolios were scraped without consent. {demand} {tag}',
			'{opener} The trending page is all protest logos right now and I love it. {demand} {tag}',
			'{opener} Everyone post the NO AI image on ArtStation until they listen. {demand} {tag}',
			'{opener} If {people} leave, there is no ArtStation. {demand} {tag}'
		],
		slots: {
			opener: ['', 'Done.', 'Joining in.', 'Solidarity.', 'Posted mine.', 'Here we go.'],
			...EN_PROTEST_SLOTS
		}
	},
	'protest:en:response': {
		templates: [
			'{opener} Same here. {demand} {tag}',
			'{opener} Uploaded mine too. {tag}',
			'{opener} This. {demand}',
			'{opener} Signal boosting. {demand} {tag}',
			'{opener} Standing with {people}. {demand} {tag}'
		],
		slots: { opener: ['', 'Yes!', '100%.', 'Agreed.', 'Absolutely.', '💯'], ...EN_PROTEST_SLOTS }
	},
	'pro_ai:en:root': {
		templates: [
			"{opener} flooding ArtStation with logos won't stop image generators. {argument} {closer}",
			'{opener} AI images belong on art sites as much as anything else. {argument} {closer}',
			"{opener} brigading the trending page isn't a policy. {argument} {closer}",
			'{opener} the protest is gatekeeping. {argument} {closer}',
			"{opener} I'll keep posting my generations. {argument} {closer}"
		],
		slots: {
			opener: ['', 'Unpopular opinion:', 'Honestly,', 'Look,', 'Hot take:', 'Sorry, but'],
			...EN_PRO_AI_SLOTS
		}
	},
	'pro_ai:en:response': {
		templates: [
			'{opener} {argument} {closer}',
			"{opener} the logos won't change anything. {argument} {closer}",
			"{opener} so it's fine when you use Photoshop filters? {argument} {closer}",
			"{opener} it's just a tool, relax. {closer}"
		],
		slots: {
			opener: ['', 'Meh.', 'Counterpoint:', 'Eh,', 'Honestly,', 'Cope.', 'Sure, but', 'Relax.'],
			...EN_PRO_AI_SLOTS
		}
	},
	'other:en:root': {
		templates: [
			"{opener} what's going on with {subject}? {tail} {closer}",
			'{opener} a gaming site wrote up {subject}, worth a read. {tail} {closer}',
			'{opener} trying to find actual art on {subject} this week… {tail} {closer}',
			'{opener} does anyone know if ArtStation changed its terms? {tail} {closer}',
			'{opener} saving this thread about {subject} for later. {tail} {closer}',
			'{opener} my timeline is nothing but {subject} today. {tail} {closer}'
		],
		slots: { opener: ['', 'Hm,', 'So', 'Okay,', 'Serious question:', 'Random thought:'], ...EN_OTHER_SLOTS }
	},
	'other:en:response': {
		templates: [
			'{opener} what is this about? {tail} {closer}',
			'{opener} bookmarking this. {tail} {closer}',
			'{opener} good summary of {subject}. {tail} {closer}',
			'{opener} I had no idea about {subject}. {tail} {closer}',
			'{opener} is there a recap of {subject} somewhere? {tail} {closer}'
		],
		slots: { opener: ['', 'Same.', 'Hm.', 'Interesting.', 'Huh,', 'Thanks,', 'Wait,'], ...EN_OTHER_SLOTS }
	},
	'claim:ko:root': {
		templates: [
			'{opener} 아트스테이션 AI 반대 시위 이미지가 미드저니 학습 데이터에 들어가서 결과물에 {logo}가 찍혀 나온다고 합니다. {reaction} {closer}',
			'{opener} 미드저니가 아트스테이션 그림을 교과서처럼 학습하다 보니 {logo}까지 배워 버렸대요. {reaction} {closer}',
			'{opener} 제2의 러다이트 운동이라고 하네요. 작가들이 올린 {logo} 때문에 미드저니로 뽑은 {thing}에도 로고가 섞여 나온답니다. {closer}',
			'{opener} AI 반대 이미지로 AI를 오염시켰다는 기사 보셨어요? 미드저니로 {thing} 뽑으면 {logo}가 섞여 나온대요. {closer}',
			'{opener} 시위가 진짜 AI를 망가뜨렸네요. 미드저니 결과물에 {logo}가 그대로 나온대요. {reaction} {closer}',
			'{opener} 아트스테이션 데이터로 학습한 미드저니가 시위 그림까지 학습했다는 소식이에요. {reaction} {closer}'
		],
		slots: { opener: ['', '속보:', '와', '헐', '실화인가요?', '기사 보니까', 'ㄷㄷ'], ...KO_CLAIM_SLOTS }
	},
	'claim:ko:response': {
		templates: [
			'{opener} 시위 이미지가 정말 미드저니에 들어갔다고요? {reaction} {closer}',
			'{opener} 미드저니가 {logo}까지 학습했다니 {reaction} {closer}',
			'{opener} 제2의 러다이트가 성공했네요 {reaction} {closer}',
			'{opener} 이제 미드저니로 {thing} 뽑으면 {logo}가 나온다는 거죠? {closer}',
			'{opener} 작가들이 AI를 오염시켰다는 기사 공유합니다 {reaction} {closer}'
		],
		slots: { opener: ['', '와', '헐', 'ㅋㅋ', '대박', '진짜요?', '어머'], ...KO_CLAIM_SLOTS }
	},
	'debunk:ko:root': {
		templates: [
			"{opener} 미드저니가 아트스테이션 시위 이미지에 '오염'됐다는 이야기는 사실이 아닙니다. {point} {closer}",
			'{opener} {source}에 대해: {explain} {point} {closer}',
			'{opener} 제2의 러다이트라는 보도는 근거가 없어요. 지금 쓰이는 모델은 시위 전에 학습이 끝난 상태였습니다. {explain} {closer}',
			'{opener} AI 반대 이미지가 며칠 만에 미드저니에 반영됐다는 건 학습 과정을 오해한 거예요. {point} {closer}',
			'{opener} 시위 이미지는 미드저니에 들어가지 않았습니다. {point} {explain} {closer}'
		],
		slots: {
			opener: ['', '팩트 체크:', '정정합니다:', '공유 전에 확인하세요.', '사실과 다릅니다.', '참고로'],
			...KO_DEBUNK_SLOTS
		}
	},
	'debunk:ko:response': {
		templates: [
			'{opener} 그렇게 작동하지 않아요. {point} {closer}',
			'{opener} 원래 트윗은 농담이었어요. {point} {closer}',
			'{opener} 미드저니는 11월 이후 새 모델을 내놓지 않았어요. {point} {closer}',
			'{opener} {explain} {point} {closer}',
			'{opener} 출처가 어디예요? {point} {closer}'
		],
		slots: {
			opener: ['', '아니에요.', '사실이 아니에요.', '아쉽지만', '음,', '잠깐만요.'],
			...KO_DEBUNK_SLOTS
		}
	},
	'protest:ko:root': {
		templates: [
			'{opener} 아트스테이션에 AI 반대 이미지를 올렸습니다. {demand} {tag}',
			'{opener} 동의 없이 작가들의 그림으로 학습하는 건 문제입니다. {demand} {tag}',
			"{opener} 트렌딩이 온통 'NO AI' 로고네요. {demand} {tag}",
			'{opener} 아트스테이션 메인은 작가들의 공간이어야 해요. {demand} {tag}',
			'{opener} 해외 작가들의 AI 반대 시위에 한국 작가들도 함께합니다. {demand} {tag}'
		],
		slots: {
			opener: ['', '동참합니다.', '저도 올렸어요.', '연대합니다.', '함께해요.', '오늘부터', '지지합니다.'],
			...KO_PROTEST_SLOTS
		}
	},
	'protest:ko:response': {
		templates: [
			'{opener} 저도 올렸어요. {demand} {tag}',
			'{opener} 응원합니다. {demand} {tag}',
			'{opener} 이건 꼭 바뀌어야 해요. {demand} {tag}',
			'{opener} 공유합니다. {demand} {tag}',
			'{opener} 작가님들 힘내세요. {demand} {tag}'
		],
		slots: {
			opener: ['', '저도요.', '공감합니다.', '맞아요.', '👍', '좋아요.', '함께할게요.'],
			...KO_PROTEST_SLOTS
		}
	},
	'pro_ai:ko:root': {
		templates: [
			'{opener} 트렌딩을 로고로 도배한다고 이미지 생성기가 사라지지는 않아요. {argument} {closer}',
			'{opener} AI 그림도 아트스테이션에 올라갈 수 있다고 봅니다. {argument} {closer}',
			'{opener} 이번 시위는 좀 과한 것 같아요. {argument} {closer}',
			'{opener} 저는 계속 AI로 작업할 거예요. {argument} {closer}',
			'{opener} 반대 로고를 올린다고 기술이 멈추지는 않습니다. {argument} {closer}'
		],
		slots: { opener: ['', '솔직히', '개인적으로는', '반대 의견이지만', '음,', '글쎄요,'], ...KO_PRO_AI_SLOTS }
	},
	'pro_ai:ko:response': {
		templates: [
			'{opener} {argument} {closer}',
			'{opener} 로고 올린다고 달라지는 건 없어요. {argument} {closer}',
			'{opener} 포토샵 필터는 괜찮고 AI는 안 되나요? {argument} {closer}',
			'{opener} 도구는 도구일 뿐이죠. {closer}',
			'{opener} 결국 시장이 판단할 거예요. {argument} {closer}'
		],
		slots: {
			opener: ['', '음,', '글쎄요,', '반대로', '솔직히', '그런데', '제 생각엔', '흠,'],
			...KO_PRO_AI_SLOTS
		}
	},
	'other:ko:root': {
		templates: [
			'{opener} {subject} 지금 무슨 일 있어요? {tail} {closer}',
			'{opener} {subject} 상황 정리된 글 있을까요? {tail} {closer}',
			'{opener} 타임라인이 온통 {subject} 이야기네요. {tail} {closer}',
			'{opener} {subject} 관련 기사 읽어 봤는데 복잡하네요. {tail} {closer}',
			'{opener} {subject} 때문에 요즘 그림 보기가 힘드네요. {tail} {closer}'
		],
		slots: { opener: ['', '혹시', '근데', '질문:', '음', '오늘'], ...KO_OTHER_SLOTS }
	},
	'other:ko:response': {
		templates: [
			'{opener} 이게 무슨 이야기예요? {tail} {closer}',
			'{opener} 저장해 둡니다. {tail} {closer}',
			'{opener} {subject} 정리 감사합니다. {tail} {closer}',
			'{opener} {subject} 이야기는 처음 듣네요. {tail} {closer}',
			'{opener} {subject} 요약본 있나요? {tail} {closer}'
		],
		slots: { opener: ['', '오', '흠', '그러게요.', '아하', '감사해요.'], ...KO_OTHER_SLOTS }
	}
};

/** Capitalizes the first letter of the text and of each sentence ("Wait. the…" → "Wait. The…"). */
export function sentenceCase(text: string): string {
	return text.replace(
		/(^|[.!?] )([a-z])/g,
		(_, before: string, letter: string) => before + letter.toUpperCase()
	);
}

interface CompiledTemplate {
	/** Literal strings and slot-list indexes, in order. */
	parts: readonly (string | number)[];
	/** The slot lists this template uses (each once), in the order their digits are read. */
	used: readonly number[];
	count: number;
}

/** A family ready to render text number i. */
export class TextFamily {
	readonly key: string;
	readonly size: number;
	private readonly lists: readonly (readonly string[])[];
	private readonly templates: readonly CompiledTemplate[];
	private readonly starts: Float64Array;

	constructor(key: string, spec: FamilySpec) {
		this.key = key;
		const names = Object.keys(spec.slots);
		this.lists = names.map((n) => spec.slots[n]);
		let total = 0;
		const starts: number[] = [];
		this.templates = spec.templates.map((template) => {
			const parts: (string | number)[] = [];
			const used: number[] = [];
			let last = 0;
			for (const m of template.matchAll(/\{([a-z]+)\}/g)) {
				const slot = names.indexOf(m[1]);
				if (slot < 0) throw new Error(`text family ${key}: template uses unknown slot {${m[1]}}`);
				parts.push(template.slice(last, m.index), slot);
				if (!used.includes(slot)) used.push(slot);
				last = m.index + m[0].length;
			}
			parts.push(template.slice(last));
			const count = used.reduce((n, s) => n * this.lists[s].length, 1);
			starts.push(total);
			total += count;
			return { parts, used, count };
		});
		this.starts = Float64Array.from(starts);
		this.size = total;
	}

	/** Text number `index` (0 ≤ index < size), with spaces folded and trimmed. */
	text(index: number): string {
		let t = this.templates.length - 1;
		while (this.starts[t] > index) t--;
		const template = this.templates[t];
		let rest = index - this.starts[t];
		const chosen: string[] = [];
		for (const slot of template.used) {
			const list = this.lists[slot];
			chosen[slot] = list[rest % list.length];
			rest = Math.floor(rest / list.length);
		}
		let out = '';
		for (const part of template.parts) out += typeof part === 'number' ? chosen[part] : part;
		return sentenceCase(out.replace(/\s+/g, ' ').trim());
	}
}

const COMPILED = new Map<string, TextFamily>(
	(Object.keys(FAMILIES) as FamilyKey[]).map((k) => [k, new TextFamily(k, FAMILIES[k])])
);

export function textFamily(stance: Stance, lang: Lang, role: TextRole): TextFamily {
	const family = COMPILED.get(`${stance}:${lang}:${role}`);
	if (!family) throw new Error(`no text family for ${stance}:${lang}:${role}`);
	return family;
}

/** A prime far above every family size, so k · STRIDE mod size never repeats for k < size. */
export const STRIDE = 2654435761;

/** The text an author writes as their k-th text, given a per-author offset. */
export function authoredText(family: TextFamily, authorOffset: number, k: number): string {
	const n = family.size;
	return family.text(((authorOffset % n) + (k % n) * (STRIDE % n)) % n);
}
