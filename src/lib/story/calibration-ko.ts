/**
 * The simulator's calibration notes in Korean, by parameter path, in the order of data/simulator.config.json.
 * The config itself stays English (it is an input the simulator reads); the about page shows these instead.
 * Source keys, GAP numbers, figures, people's names and code identifiers are written as in the English note,
 * platforms and outlets as the Korean pages spell them (아트스테이션, 미드저니), and a note that starts with GAP
 * starts with GAP here too: tests/unit/story/calibration-ko.test.ts checks all of that, and that every path of
 * the config has a note. When the config's English changes, change these too.
 */
export const reflectsKo: Record<string, string> = {
	'postsWindow.start':
		'시위 이미지가 된 로고는 2022년 12월 5일에 처음 트윗됐습니다(ARS, S1). 그보다 앞선 시점은 시뮬레이션하지 않습니다.',
	'postsWindow.end':
		'GAP: 2023년까지 논의를 추적한 출처가 없습니다. 아트스테이션이 2023년 1월에 바꾼 필터(AITR, S1)를 논의의 끝자락으로 보고, 기간을 1월 말에 닫습니다.',
	'trending.feed': '시위가 아트스테이션의 Trending / Explore 피드를 가득 채웠습니다(KYM, KOT1, ARS, VICE).',
	'trending.dimension':
		"facts.md의 API shapes: trending.json은 dimension=all(2d도 있음)을 붙여 페이지 단위로 받습니다. 'all'이 홈 피드입니다.",
	'trending.originalUrl':
		'facts.md의 API shapes(trending.json, 여러 스크레이퍼가 쓰는 per_page=100). 이 엔드포인트가 2022년 12월에 있었는지는 GAP 9입니다.',
	'trending.captureStart':
		"GAP: 웨이백 캡처 목록을 구할 수 없었습니다. 평소 상태가 보이도록 기간을 시위 전(AI 이미지가 나타난 '12월 초', KOT1, VICE)부터 시작합니다.",
	'trending.captureEnd':
		'GAP: 시위가 잦아들고 게시물이 숨겨진 뒤(12월 22~23일경, TIG, GD, BGP)에 기간이 끝납니다.',
	'trending.capturesPerDay':
		'GAP 4/9: 실제 웨이백 캡처 밀도는 알 수 없습니다. 보관자들은 뉴스가 몰릴 때 더 자주 캡처하므로, 언론이 시위를 다룬 기간(12월 13일 KOT1부터 12월 16일 ARTNET까지)에는 하루 약 10회, 그 밖에는 하루 1회 미만으로 가정합니다. 그래서 캡처가 없는 날도 있습니다.',
	'trending.itemsPerCapture':
		"GAP 4는 '처음 100개 항목 중 X개'를 묻습니다. per_page=100으로 받은 trending.json의 1페이지입니다(API shapes).",
	'trending.warmupDays':
		'모델 세부 설정이며 근거 사실은 없습니다. 후보 풀이 안정 상태가 되도록 첫 캡처 10일 전부터 업로드를 시작합니다.',
	'trending.maxAgeDays':
		'모델 세부 설정이며 근거 사실은 없습니다. 아래의 점수 감쇠 때문에 2주가 지난 프로젝트는 더 이상 상위 100에 들 수 없으므로 풀에서 뺍니다.',
	'trending.normalUploadsPerDay':
		'GAP: 아트스테이션의 사용자는 3백만 명이 넘었습니다(ARTNET 사본, MS). 트렌딩에 오를 가능성이 있는 업로드만 모델링하며, 그 빈도는 우리의 가정입니다.',
	'trending.protestUploadsPerDayAtPeak':
		"12월 14일 'No AI Art' 검색 결과는 2,099건이었습니다(ARS, S1). 12월 13일에는 '수백 명의 아티스트'(KOT1), 일주일 안에 '수천 건'의 업로드(ARTNET, PETA, 80LV)가 있었습니다. 정점에서 하루 약 1,400건이면 12월 14일이 끝날 때까지 약 2,100건이 됩니다.",
	'trending.protestIntensity':
		'상대적인 시위 업로드 빈도입니다. 12월 12일 게시물 하나(KYM, S1), 12월 13일 화요일부터 대량 게시(KYM, VICE, KOT1, ARS), 12월 14일 페이지 장악(ARS, VICE, ALOOK), 12월 16일 NoAI 태그가 나온 뒤(TIG, ARTNET, RED)와 아티스트들이 개인 작품으로 옮겨 가면서(KOT2) 잦아듦, 12월 22~23일경 게시물이 숨겨진 뒤(TIG, GD) 거의 0. 이 날짜들 사이의 모양: GAP.',
	'trending.protestVisibility':
		'아트스테이션은 12월 22~23일경 시위 게시물을 숨겼다고 확인했습니다(TIG: 12월 23일 트윗, GD, BGP). MS는 12월 23일에도 시위 그림을 보았으므로, 감소가 하루 반에 걸쳐 일어나게 했습니다. 남은 3%는 GAP입니다.',
	'trending.appeal':
		'GAP: 피드 항목에는 프로젝트의 좋아요 수가 없습니다(API shapes). 매력도가 로그정규분포로 퍼져 있다는 것은 우리의 가정입니다.',
	'trending.protestAppealMultiplier':
		"시위 게시물은 연대의 좋아요를 받아(예: 리포스트 하나가 사흘 만에 좋아요 4,200개 이상, KYM) 일반 작품보다 순위가 높았습니다(KYM: 12월 13일 '대부분의 게시물'). 배수 자체는 GAP입니다.",
	'trending.scoreDecay':
		'GAP: 아트스테이션의 트렌딩 산식은 공개되지 않았습니다. score = appeal × (1 + age/tau)^-exponent로 두면 프로젝트가 하루에서 며칠 동안 페이지에 머뭅니다.',
	'trending.rankNoiseSigma':
		'GAP: 캡처마다 약간의 흔들림을 주어, 이웃한 프로젝트끼리 캡처 사이에 순위가 바뀌게 합니다.',
	'trending.protestTitles':
		"로고의 문구 'NO TO AI GENERATED IMAGES'(ARS, KOT1, PCG), 'No AI Art' 검색(ARS), 삭제된 뒤 'Round two, you're not listening'(2라운드, 여전히 듣지 않는군요)이라는 태그를 달고 다시 올린 게시물(12월 14~16일경, ARTNET, S1), 반AI 작품(KOT2). 모든 제목은 data/rules/protest-rules.csv의 규칙 하나와 맞습니다. 가중치: GAP.",
	'trending.artistPoolSize':
		"GAP: '수백 명'(KOT1)에서 '수천 명'(ARTNET, PETA)의 아티스트가 참여했습니다. 가상의 아티스트 6,000명이 시위 업로드와 일반 업로드를 모두 맡습니다.",
	'trending.firstProjectId':
		'GAP: 2022년 말 아트스테이션 프로젝트 id는 7자리 숫자였습니다. 정확한 범위는 기록되어 있지 않아 id는 가상으로 만듭니다.',
	'trending.projectIdGapMean':
		'GAP: 모델링한 업로드 사이의 평균 id 간격으로, 트렌딩에 오르지 못하는 수많은 업로드를 대신합니다.',
	'posts.authorsPerPost':
		'GAP: 작성자 수를 기록한 출처가 없습니다. 기간 전체에서 계정당 게시물을 약 4개로 두고, 활동량은 꼬리가 두꺼운 분포로 치우치게 합니다.',
	'posts.minAuthorsPerLang':
		'모델 세부 설정이며 근거 사실은 없습니다. 작은 규모로 돌릴 때 몇 안 되는 계정이 되풀이되지 않게 합니다.',
	'posts.authorActivitySkew':
		'GAP: 작성자 번호 = N·u^skew. 1.5로 두면 가끔 올리는 작성자가 긴 꼬리를 이루고, 아주 많이 올리는 작성자는 몇 명뿐입니다(가장 많이 올린 계정이 한 언어 게시물의 약 0.03%).',
	'posts.platforms':
		'시위와 소문은 트윗이 이끌었습니다(KYM·ARS·PETA에 삽입된 트윗, 트윗을 번역한 ALOOK). 페타픽셀 링크가 돈 곳은 마스토돈이고(facts.md, 12월 21일), 이용약관(ToS) 이메일은 레딧에 올라왔습니다(RED). 한국어 논의는 트위터와 블로그(네이버)입니다. 비율: GAP.',
	'posts.edgeMix':
		'플랫폼 구조: 2022년 마스토돈에는 인용 게시물 기능이 없었고, 레딧과 네이버 블로그에는 댓글(답글)과 크로스포스트/스크랩(인용)은 있지만 리포스트는 없습니다. 플랫폼 안의 비율: GAP.',
	'posts.edgeDelayFactor':
		'GAP: 리포스트는 클릭 한 번이면 되므로 가장 먼저 오고, 답글은 글을 써야 하므로 더 늦게 옵니다.',
	'posts.diurnal':
		'GAP: 원 게시물의 하루 주기입니다. 영어는 미국 오후(18 UTC)에, 한국어는 한국 시간 오후(14 KST = 5 UTC)에 가장 많습니다.',
	'posts.maxCascadeSize':
		'GAP: 확산 크기를 기록한 출처가 없습니다. 가장 많이 공유된 시위 트윗이 리트윗 9,700회 이상, 좋아요 99,500개 이상을 기록했으므로(KYM, S1), 상한을 게시물 20,000개로 두면 그 규모를 담을 여유가 있습니다.',
	'posts.duplicates':
		'GAP: 수집한 데이터에는 두 번 제출된 댓글(같은 작성자가 몇 분 뒤 같은 글을 다시 올린 것, 사본 최대 4개)이 흔합니다. 게시물의 약 1%가 이런 사본입니다. dup_of는 빌드의 중복 제거 단계가 찾도록 비워 둡니다.',
	'posts.likes':
		'좋아요는 리포스트보다 몇 배 많습니다. 좋아요 14,600개 이상 대 리트윗 1,800회 이상(Dan Eder, KYM), 99,500개 이상 대 9,700회 이상(Logan Preshaw, KYM)에서 비율은 8~10입니다. 관찰된 반응 하나당 중앙값 4와 기준값은 GAP입니다.',
	'posts.streams[protest-en].lang': '시위 게시물은 대부분 영어였습니다(KYM, ARS, VICE, PETA).',
	'posts.streams[protest-en].stance': '시위 참여 호소와 아트스테이션에 대한 요구입니다(KYM, ARS, VICE).',
	'posts.streams[protest-en].claimId': '시위 게시물은 claims.csv의 어떤 주장도 퍼뜨리지 않습니다.',
	'posts.streams[protest-en].share':
		'GAP: 게시물 양을 기록한 출처가 없습니다. 시위 이야기가 논의에서 가장 큰 부분을 차지한다고 가정합니다.',
	'posts.streams[protest-en].rootRate':
		'12월 9일 트윗으로 비판이 빨라지고(KYM, ARS, PETA), 12월 13~15일 대량 게시가 이어지며(KYM, VICE, KOT1, ARS), 12월 16일부터는 선택형(opt-in) NoAI 태그가 비판받고(TIG, RED), 12월 23일경 게시물이 숨겨지자 한 번 더 늘어납니다(TIG, GD). 이 날짜들 사이의 곡선 모양: GAP.',
	'posts.streams[protest-en].anchor':
		'로고는 12월 5일에 처음 트윗됐습니다(ARS, S1). 그 시각과 도달 범위는 GAP 5입니다.',
	'posts.streams[protest-en].rootInfluence':
		'GAP: 원 게시물의 도달 범위는 파레토 분포를 따릅니다. 몇몇 시위 트윗은 매우 널리 퍼졌습니다(좋아요 99,500개 이상, KYM).',
	'posts.streams[protest-en].offspring':
		'GAP: 확산 연구(Goel 외 2016)에서처럼 과분산이 있는 임계 미만 분기(평균 < 1)입니다.',
	'posts.streams[protest-en].delayMinutes':
		'GAP: 재공유까지의 지연은 몇 분에서 몇 시간에 이르는 로그정규분포를 따릅니다.',
	'posts.streams[protest-en].edgeWeights':
		"GAP: 시위 게시물은 주로 리포스트로 퍼졌습니다('signal boost', 널리 알리기 위한 공유).",
	'posts.streams[protest-en].counterReplies':
		'GAP: 시위 게시물에 달린 답글 가운데 일부는 AI 도구를 옹호합니다(KOT1과 TIG가 전하는 논쟁).',
	'posts.streams[protest-ko].lang':
		'한국어 보도는 있습니다(TIG, 12월 27일). 한국 아티스트들이 직접 쓴 게시물은 기록되어 있지 않습니다(GAP 10).',
	'posts.streams[protest-ko].stance':
		'한국어 시위 게시물(AI 반대)입니다. TIG가 시위를 한국어로 보도했고, 한국 아티스트들이 직접 쓴 게시물은 GAP 10입니다.',
	'posts.streams[protest-ko].claimId': '시위 게시물은 claims.csv의 어떤 주장도 퍼뜨리지 않습니다.',
	'posts.streams[protest-ko].share': 'GAP: 한국어 논의는 영어보다 훨씬 작다고 가정합니다.',
	'posts.streams[protest-ko].rootRate':
		'영어 물결을 하루쯤 늦게 따라가고(GAP), 12월 27일 디스이즈게임이 한국어 정리 기사를 냈을 때 한 번 더 늘어납니다(TIG).',
	'posts.streams[protest-ko].anchor': 'GAP 10: 특정한 한국어 시위 게시물은 기록되어 있지 않습니다.',
	'posts.streams[protest-ko].rootInfluence': 'GAP: 원 게시물의 도달 범위는 파레토 분포를 따릅니다.',
	'posts.streams[protest-ko].offspring': 'GAP: 과분산이 있는 임계 미만 분기입니다.',
	'posts.streams[protest-ko].delayMinutes': 'GAP: 재공유 지연은 로그정규분포를 따릅니다.',
	'posts.streams[protest-ko].edgeWeights': 'GAP: 플랫폼별 구성만 따릅니다.',
	'posts.streams[protest-ko].counterReplies': 'GAP: 일부 답글은 AI 도구를 옹호합니다.',
	'posts.streams[pro_ai-en].lang': '시위에 대한 영어 응답입니다(KOT1, TIG가 두 진영을 전합니다).',
	'posts.streams[pro_ai-en].stance':
		'시위에 맞서 AI 이미지 생성을 옹호하는 게시물로, KOT1과 TIG가 전하는 논쟁의 반대편입니다.',
	'posts.streams[pro_ai-en].claimId': 'AI 옹호 게시물은 claims.csv의 어떤 주장도 퍼뜨리지 않습니다.',
	'posts.streams[pro_ai-en].share': 'GAP: 시위 게시물 양의 3분의 1로 가정합니다.',
	'posts.streams[pro_ai-en].rootRate':
		'시위에 시차를 두고 반응하며(GAP), 12월 25일 에픽게임즈 CEO가 에픽게임즈는 AI를 억누르지 않겠다고 말한 뒤 조금 늘어납니다(TIG).',
	'posts.streams[pro_ai-en].anchor': 'GAP: 특정한 AI 옹호 게시물은 기록되어 있지 않습니다.',
	'posts.streams[pro_ai-en].rootInfluence': 'GAP: 원 게시물의 도달 범위는 파레토 분포를 따릅니다.',
	'posts.streams[pro_ai-en].offspring': 'GAP: 과분산이 있는 임계 미만 분기입니다.',
	'posts.streams[pro_ai-en].delayMinutes': 'GAP: 재공유 지연은 로그정규분포를 따릅니다.',
	'posts.streams[pro_ai-en].edgeWeights':
		'GAP: 논쟁적인 의견에는 리포스트보다 인용과 답글이 더 많이 붙습니다.',
	'posts.streams[pro_ai-en].counterReplies': 'GAP: 아티스트들이 AI 옹호 의견에 답했습니다.',
	'posts.streams[pro_ai-ko].lang': '한국어 AI 옹호 게시물입니다(GAP 10: TIG 말고는 한국어 출처가 없습니다).',
	'posts.streams[pro_ai-ko].stance': 'AI 이미지 생성을 옹호하는 게시물입니다(TIG가 한국어로 전한 논쟁).',
	'posts.streams[pro_ai-ko].claimId': 'AI 옹호 게시물은 claims.csv의 어떤 주장도 퍼뜨리지 않습니다.',
	'posts.streams[pro_ai-ko].share': 'GAP: 작은 비중입니다.',
	'posts.streams[pro_ai-ko].rootRate': '한국어 시위 물결(GAP)과 12월 27일 TIG 정리 기사(TIG)를 따라갑니다.',
	'posts.streams[pro_ai-ko].anchor': 'GAP: 특정한 게시물은 기록되어 있지 않습니다.',
	'posts.streams[pro_ai-ko].rootInfluence': 'GAP: 원 게시물의 도달 범위는 파레토 분포를 따릅니다.',
	'posts.streams[pro_ai-ko].offspring': 'GAP: 과분산이 있는 임계 미만 분기입니다.',
	'posts.streams[pro_ai-ko].delayMinutes': 'GAP: 재공유 지연은 로그정규분포를 따릅니다.',
	'posts.streams[pro_ai-ko].edgeWeights': 'GAP: 논쟁적인 의견에는 인용과 답글이 붙습니다.',
	'posts.streams[pro_ai-ko].counterReplies': 'GAP: 아티스트들이 AI 옹호 의견에 답했습니다.',
	'posts.streams[claim-en].lang': '농담 트윗은 영어였습니다(ALOOK이 이를 한국어로 옮깁니다).',
	'posts.streams[claim-en].stance':
		'시위 이미지가 미드저니의 학습이나 생성 결과에 들어갔다고 퍼뜨리는 게시물입니다(ALOOK).',
	'posts.streams[claim-en].claimId': "'미드저니가 오염됐다'는 주장의 claims.csv id입니다.",
	'posts.streams[claim-en].share': 'GAP: 이 소문의 양을 기록한 출처가 없습니다.',
	'posts.streams[claim-en].rootRate':
		'농담이 나온 뒤 다른 사람들이 이를 되풀이합니다(GAP 1: 트윗 날짜는 12월 14~15일경으로만 알려져 있습니다). 대부분의 소문처럼 관심은 며칠 안에 식습니다.',
	'posts.streams[claim-en].anchor':
		'GAP 1: 로고가 보이는 미드저니 결과물을 담은 농담 트윗(ALOOK)은 날짜, 시각, 작성자, 반응 수가 기록되어 있지 않습니다. 첫 영어 주장 원 게시물을 12월 15일 03:00 UTC에 두고 도달 범위를 넓게 잡습니다.',
	'posts.streams[claim-en].rootInfluence':
		'GAP: Vosoughi 외(2018)를 따라 도달 범위의 꼬리를 반박보다 두껍게 둡니다. 거짓 뉴스가 더 많은 사람에게 닿았다는 연구입니다. 두 분포가 겹치므로 모든 주장 확산이 더 큰 것은 아닙니다.',
	'posts.streams[claim-en].offspring':
		'GAP: 분기를 반박보다 높게 두되(더 깊은 확산, Vosoughi 외 2018) 여전히 임계 미만입니다.',
	'posts.streams[claim-en].delayMinutes': 'GAP: 거짓은 정정보다 빨리 퍼집니다(Vosoughi 외 2018).',
	'posts.streams[claim-en].edgeWeights': 'GAP: 눈에 띄는 이미지는 주로 리포스트됩니다.',
	'posts.streams[claim-en].counterReplies': 'GAP: 주장에 달린 답글 가운데 일부는 이를 바로잡습니다.',
	'posts.streams[claim-ko].lang': '더에이아이가 이 이미지를 진짜인 것처럼 한국어로 보도했습니다(ALOOK, S1).',
	'posts.streams[claim-ko].stance': "그 보도를 되풀이하는 한국어 게시물입니다('제2의 러다이트', ALOOK).",
	'posts.streams[claim-ko].claimId': "'미드저니가 오염됐다'는 주장의 claims.csv id입니다.",
	'posts.streams[claim-ko].share': 'GAP: 양을 기록한 출처가 없습니다.',
	'posts.streams[claim-ko].rootRate':
		"보도가 나온 뒤 이를 공유하는 한국어 게시물입니다(GAP 2: 기사 날짜는 알 수 없고 '2022년 12월'로만 알려져 있습니다).",
	'posts.streams[claim-ko].anchor':
		"GAP 2: 더에이아이의 보도(ALOOK, S1)는 URL도 날짜도 알려져 있지 않습니다. 첫 공유를 농담이 나오고 '며칠 뒤'인 12월 19일 10:00 KST에 둡니다.",
	'posts.streams[claim-ko].rootInfluence': 'GAP: 도달 범위의 꼬리가 반박보다 두껍습니다(Vosoughi 외 2018).',
	'posts.streams[claim-ko].offspring': 'GAP: 분기가 반박보다 높지만 임계 미만입니다.',
	'posts.streams[claim-ko].delayMinutes': 'GAP: 정정보다 빠릅니다(Vosoughi 외 2018).',
	'posts.streams[claim-ko].edgeWeights': 'GAP: 뉴스 링크는 주로 리포스트됩니다.',
	'posts.streams[claim-ko].counterReplies': 'GAP: 일부 답글은 보도를 바로잡습니다.',
	'posts.streams[debunk-en].lang':
		'영어 정정 게시물입니다(SO는 오염이 일어나지 않았다고 씁니다. 모델은 다시 학습되지 않았습니다: ALOOK, 미드저니 V4/V5 날짜).',
	'posts.streams[debunk-en].stance':
		'대형 모델은 실시간으로 다시 학습되지 않으므로 그 이미지가 오염된 결과물일 수 없다고 설명하는 게시물입니다(ALOOK; SO: 오염은 일어나지 않았습니다).',
	'posts.streams[debunk-en].claimId': '반박 대상인 주장의 claims.csv id입니다.',
	'posts.streams[debunk-en].share': 'GAP: 정정은 주장보다 작다고 가정합니다.',
	'posts.streams[debunk-en].rootRate':
		'농담이 나오고 몇 시간 뒤에 시작합니다(GAP 1/3: 날짜가 확인된 반박이 없습니다). 미드저니는 V4(11월 5일)와 V5(2023년 3월 15일) 사이에 어떤 모델도 내놓지 않았습니다(facts.md의 기술적 배경).',
	'posts.streams[debunk-en].anchor': 'GAP 3: 특정한 영어 반박 글은 기록되어 있지 않습니다.',
	'posts.streams[debunk-en].rootInfluence': 'GAP: 도달 범위의 꼬리가 주장보다 얇습니다(Vosoughi 외 2018).',
	'posts.streams[debunk-en].offspring': 'GAP: 분기가 주장보다 낮습니다.',
	'posts.streams[debunk-en].delayMinutes': 'GAP: 정정은 더 느리게 퍼집니다(Vosoughi 외 2018).',
	'posts.streams[debunk-en].edgeWeights': 'GAP: 정정은 인용 게시물과 답글인 경우가 많습니다.',
	'posts.streams[debunk-en].counterReplies': 'GAP: 몇몇 답글은 주장이 사실이라고 고집합니다.',
	'posts.streams[debunk-ko].lang': 'alook.so 글이 한국어로 이 이야기를 반박합니다(ALOOK).',
	'posts.streams[debunk-ko].stance': "한국어 정정 게시물입니다('그런 일이 실제로 일어난 적 없다', ALOOK).",
	'posts.streams[debunk-ko].claimId': '반박 대상인 주장의 claims.csv id입니다.',
	'posts.streams[debunk-ko].share': 'GAP: 한국어 주장보다 작습니다.',
	'posts.streams[debunk-ko].rootRate':
		'한국어 보도 뒤에 나옵니다(GAP 2/3: 보도도 alook.so 글도 날짜가 없습니다).',
	'posts.streams[debunk-ko].anchor': 'GAP 3: alook.so 글의 날짜를 알 수 없어 시점을 정해 두지 않습니다.',
	'posts.streams[debunk-ko].rootInfluence': 'GAP: 도달 범위의 꼬리가 주장보다 얇습니다.',
	'posts.streams[debunk-ko].offspring': 'GAP: 분기가 주장보다 낮습니다.',
	'posts.streams[debunk-ko].delayMinutes': 'GAP: 정정은 더 느리게 퍼집니다.',
	'posts.streams[debunk-ko].edgeWeights': 'GAP: 정정은 인용과 답글인 경우가 많습니다.',
	'posts.streams[debunk-ko].counterReplies': 'GAP: 몇몇 답글은 주장이 사실이라고 고집합니다.',
	'posts.streams[other-en].lang':
		'상황에 관한 영어 일반 대화입니다(질문, KOT1, ARS, VICE 같은 보도로 가는 링크).',
	'posts.streams[other-en].stance':
		'시위도, AI 옹호도, 주장의 확산이나 반박도 아닌 게시물입니다: 질문과 보도 링크(KOT1, ARS, VICE, TIG).',
	'posts.streams[other-en].claimId': '일반 대화는 claims.csv의 어떤 주장도 퍼뜨리지 않습니다.',
	'posts.streams[other-en].share': 'GAP: 일반 대화의 비중을 크게 가정합니다.',
	'posts.streams[other-en].rootRate':
		'언론 보도를 따라갑니다: 12월 13일 코타쿠(KOT1), 12월 14~15일 아르스 테크니카·바이스(ARS, VICE), 12월 16일 아트넷과 KYM(ARTNET, KYM), 12월 19일 페타픽셀(PETA), 12월 23일경 게시물 숨김 소식(GD, MS). 수준: GAP.',
	'posts.streams[other-en].anchor': 'GAP: 특정한 게시물은 기록되어 있지 않습니다.',
	'posts.streams[other-en].rootInfluence': 'GAP: 일반 대화는 멀리 퍼지는 일이 드뭅니다.',
	'posts.streams[other-en].offspring': 'GAP: 분기가 낮습니다.',
	'posts.streams[other-en].delayMinutes': 'GAP: 재공유 지연은 로그정규분포를 따릅니다.',
	'posts.streams[other-en].edgeWeights': 'GAP: 일반 대화에는 답글이 붙습니다.',
	'posts.streams[other-en].counterReplies':
		'모델 세부 설정이며 근거 사실은 없습니다. 일반 대화에 달린 답글은 일반 대화로 남습니다.',
	'posts.streams[other-ko].lang': '상황에 관한 한국어 일반 대화입니다(12월 27일 TIG 정리 기사).',
	'posts.streams[other-ko].stance':
		'시위도, AI 옹호도, 주장의 확산이나 반박도 아닌 게시물입니다: 질문과 보도 링크(KOT1, ARS, VICE, TIG).',
	'posts.streams[other-ko].claimId': '일반 대화는 claims.csv의 어떤 주장도 퍼뜨리지 않습니다.',
	'posts.streams[other-ko].share': 'GAP: 가정한 값입니다.',
	'posts.streams[other-ko].rootRate':
		'시위, 한국어 보도(GAP 2), 12월 27일 TIG 정리 기사(TIG) 무렵의 한국 내 관심입니다. 수준: GAP.',
	'posts.streams[other-ko].anchor': 'GAP: 특정한 게시물은 기록되어 있지 않습니다.',
	'posts.streams[other-ko].rootInfluence': 'GAP: 일반 대화는 멀리 퍼지는 일이 드뭅니다.',
	'posts.streams[other-ko].offspring': 'GAP: 분기가 낮습니다.',
	'posts.streams[other-ko].delayMinutes': 'GAP: 재공유 지연은 로그정규분포를 따릅니다.',
	'posts.streams[other-ko].edgeWeights': 'GAP: 일반 대화에는 답글이 붙습니다.',
	'posts.streams[other-ko].counterReplies':
		'모델 세부 설정이며 근거 사실은 없습니다. 일반 대화에 달린 답글은 일반 대화로 남습니다.'
};
