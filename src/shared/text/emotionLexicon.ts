/**
 * The word lists behind emotionScore, written for this project. Weights are in "anger points":
 * about 1 is a clear complaint (失望, disappointed), 2.5 is an outburst on its own (气死, worst);
 * a negative weight is a calming word (谢谢, thanks). Patterns are regex sources matched on
 * normalised, lower-cased text (see emotion.ts); Chinese entries are plain substrings, English
 * ones carry \b boundaries. Ambiguous single characters are only listed inside a context that
 * disambiguates them (差 → 太差/质量差, never 出差 or 差不多; 慢 → 太慢/这么慢; 烦 → 烦死, never 麻烦).
 */

export interface LexiconEntry {
  pattern: string;
  weight: number;
}

const STRONG = 2.5;
const MEDIUM = 1.3;
const MILD = 0.8;

export const ZH_LEXICON: readonly LexiconEntry[] = [
  ...['气死', '气炸', '垃圾', '骗子', '妈的', '他妈', '坑爹', '恶心', '无耻', '去死', '什么破', '破玩意', '忍无可忍', '受够了', '火大', '滚(?:吧|开|蛋|远点)'].map(
    (pattern) => ({ pattern, weight: STRONG }),
  ),
  ...[
    '生气',
    '愤怒',
    '差评',
    '退钱',
    '骗',
    '坑人',
    '被坑',
    '欺骗',
    '过分',
    '离谱',
    '无语',
    '搞什么',
    '什么鬼',
    '烦死',
    '没人管',
    '没人理',
    '耍我',
    '敷衍',
    '投诉',
    '太差',
    '很差',
    '真差',
    '好差',
    '质量差',
    '差劲',
    '不靠谱',
    '不满意',
    '不满',
  ].map((pattern) => ({ pattern, weight: MEDIUM })),
  ...[
    '失望',
    '不爽',
    '郁闷',
    '着急',
    '急死',
    '难受',
    '糟糕',
    '太慢',
    '好慢',
    '很慢',
    '这么慢',
    '慢死',
    '好烦',
    '很烦',
    '烦人',
    '怎么还没',
    '为什么还',
    '一直没',
    '等了好久',
    '等了半天',
    '等了很久',
    '不行',
    '呵呵',
  ].map((pattern) => ({ pattern, weight: MILD })),
  // Impatience more than anger: 到底什么时候发货? 快点发货。
  { pattern: '到底', weight: 0.5 },
  { pattern: '快点', weight: 0.5 },
  // Calming words pull the score down; negated (不满意) they count as a complaint.
  ...['谢谢', '感谢', '满意', '辛苦', '开心', '不错', '太好了', '好评', '点赞'].map((pattern) => ({ pattern, weight: -0.6 })),
];

export const EN_LEXICON: readonly LexiconEntry[] = [
  ...['worst', 'furious', 'pissed(?: off)?', 'disgusting', 'pathetic', 'wtf', 'bullshit', 'fuck\\w*', 'shit\\w*', 'scam\\w*', 'rip-?off', 'refund (?:me )?now', 'give me my money back'].map(
    (word) => ({ pattern: `\\b${word}\\b`, weight: STRONG }),
  ),
  ...['angry', 'terrible', 'horrible', 'awful', 'useless', 'ridiculous', 'unacceptable', 'liars?', 'lied', 'cheated', 'hate', 'sucks', 'trash', 'garbage', 'rubbish', 'crap', 'never again', 'fraud'].map(
    (word) => ({ pattern: `\\b${word}\\b`, weight: MEDIUM }),
  ),
  ...['disappointed', 'disappointing', 'annoyed', 'annoying', 'frustrat\\w*', 'upset', 'bad', 'poor', 'slow', 'still waiting', 'not received', 'complaint', 'damn', 'unhappy'].map(
    (word) => ({ pattern: `\\b${word}\\b`, weight: MILD }),
  ),
  ...['thanks', 'thank you', 'great', 'good', 'happy', 'appreciate\\w*', 'perfect', 'awesome', 'helpful', 'satisfied', 'nice'].map((word) => ({
    pattern: `\\b${word}\\b`,
    weight: -0.6,
  })),
];

/** Words that strengthen the cue right after them (×1.5). */
export const ZH_INTENSIFIERS = ['非常', '特别', '超级', '极其', '十分', '真的', '简直', '实在', '太', '真', '很', '超', '巨', '好'];
export const EN_INTENSIFIERS = ['very', 'so', 'really', 'extremely', 'absolutely', 'totally', 'too', 'super', 'incredibly', 'utterly'];

/** Negations that turn the cue right after them around (不生气, not bad). */
export const ZH_NEGATIONS = ['一点也不', '一点都不', '没那么', '不怎么', '不太', '不是', '并不', '从不', '毫不', '没有', '不', '没', '别'];
export const EN_NEGATIONS = ['not', 'no', 'never', "don't", 'dont', "isn't", "wasn't", "aren't", "didn't", "doesn't", 'without', 'hardly'];

/** Upper-case words that are names or acronyms, not shouting. */
export const CAPS_ALLOWLIST = new Set(['VIP', 'KOC', 'SKU', 'APP', 'IOS', 'PDF', 'SMS', 'USB', 'ASAP', 'FAQ', 'CEO', 'USA', 'EMS', 'SF', 'JD', 'OK', 'ID', 'QR', 'HTTP', 'HTTPS', 'WIFI', 'UTC']);
