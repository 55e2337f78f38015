import type { KbHit, KbSearch } from './types';

/**
 * Test support only: a tiny in-memory KB and search, so the bot's tests need no database. The
 * production search is SQLite FTS5 bm25 over segmented text; this one scores with character
 * bigrams (CJK) and words (Latin) weighted by rarity, which lands in a similar range (one rare
 * shared term ≈ 2–4, a close match ≈ 10+) without claiming to be bm25.
 */
export interface TestArticle {
  articleId: string;
  title: string;
  body: string;
}

export const TEST_ARTICLES: TestArticle[] = [
  {
    articleId: 'kb-password',
    title: '忘记登录密码怎么找回',
    body: [
      '# 忘记登录密码怎么找回',
      '',
      '忘记**登录密码**时，可以通过绑定的手机号自助重置：',
      '',
      '1. 打开 App，在登录页点击“忘记密码”',
      '2. 输入绑定的手机号，获取并填写 **短信验证码**',
      '3. 设置新密码（8-20 位，需包含字母和数字）',
      '',
      '## 注意事项',
      '',
      '如果手机号已停用，请参考[更换绑定手机号](kb://kb-phone)。',
    ].join('\n'),
  },
  {
    articleId: 'kb-phone',
    title: '如何更换绑定手机号',
    body: [
      '## 更换绑定手机号',
      '',
      '进入 **设置 > 账号与安全 > 手机号**，按提示验证原手机号后即可更换为新手机号。',
      '',
      '原手机号已无法接收短信时，可选择“原手机号不可用”，通过人脸识别完成验证。',
    ].join('\n'),
  },
  {
    articleId: 'kb-refund-time',
    title: '退款多久到账',
    body: [
      '退款审核通过后，款项按原支付方式退回：',
      '',
      '- 余额支付：**即时**到账',
      '- 微信、支付宝：1-3 个工作日',
      '- 银行卡：3-7 个工作日，以银行处理时间为准',
      '',
      '```',
      'status: REFUND_SUCCESS',
      '```',
    ].join('\n'),
  },
  {
    articleId: 'kb-return',
    title: '如何申请退货退款',
    body: [
      '### 申请入口',
      '',
      '在 *我的订单* 中找到该订单，点击“申请售后”，选择“退货退款”并填写原因、上传凭证。',
      '商家同意后，请在 7 天内按商家提供的地址寄回商品并填写物流单号。',
    ].join('\n'),
  },
  {
    articleId: 'kb-logistics',
    title: '物流信息一直不更新怎么办',
    body: [
      '物流信息通常在商家发货后 24 小时内更新。超过 72 小时仍未更新，可以在订单页点击“联系商家”催促，',
      '或复制物流单号到快递公司官网查询。',
    ].join('\n'),
  },
  {
    articleId: 'kb-report',
    title: '如何举报违规笔记',
    body: [
      '在笔记右上角点击“…”，选择“举报”，勾选违规类型并提交。平台会在 24 小时内处理，结果会通过系统消息通知您。',
    ].join('\n'),
  },
  {
    articleId: 'kb-review',
    title: '笔记发布后为什么别人看不到',
    body: [
      '新发布的笔记需要经过审核，一般在 30 分钟内完成。审核期间只有您自己可见。',
      '',
      '如果笔记涉及违规内容，审核不会通过，您会收到系统通知。',
    ].join('\n'),
  },
  {
    articleId: 'kb-appeal',
    title: '账号被封禁如何申诉',
    body: [
      '> 账号封禁期间无法发布笔记和评论。',
      '',
      '打开 App 登录页，点击“账号申诉”，填写账号信息和申诉理由并提交，我们会在 3 个工作日内回复处理结果。',
    ].join('\n'),
  },
];

/** Question words that every FAQ title shares; a real bm25 gives them next to no weight. */
const STOP = new Set(['怎么', '么办', '如何', '什么', '为什', '么样', '多久', '可以']);

function terms(text: string): string[] {
  const out = new Set<string>();
  const lower = text.normalize('NFKC').toLowerCase();
  for (const run of lower.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) out.add(run);
    for (let i = 0; i + 1 < chars.length; i += 1) {
      const gram = `${chars[i]}${chars[i + 1]}`;
      if (!STOP.has(gram)) out.add(gram);
    }
  }
  for (const word of lower.match(/[a-z0-9]{2,}/g) ?? []) out.add(word);
  return [...out];
}

/** An in-memory KbSearch: per shared term, ln(1 + N/df), doubled when the term is in the title. */
export function memoryKbSearch(articles: readonly TestArticle[] = TEST_ARTICLES): KbSearch & { queries: string[] } {
  const indexed = articles.map((a) => ({ article: a, title: new Set(terms(a.title)), body: new Set(terms(a.body)) }));
  const df = new Map<string, number>();
  for (const doc of indexed) for (const t of new Set([...doc.title, ...doc.body])) df.set(t, (df.get(t) ?? 0) + 1);
  const queries: string[] = [];

  const search = async (query: string, limit: number): Promise<KbHit[]> => {
    queries.push(query);
    const q = terms(query);
    const hits: KbHit[] = [];
    for (const doc of indexed) {
      let score = 0;
      for (const t of q) {
        const idf = Math.log(1 + indexed.length / (df.get(t) ?? indexed.length));
        if (doc.title.has(t)) score += 2 * idf;
        else if (doc.body.has(t)) score += idf;
      }
      if (score > 0) hits.push({ ...doc.article, score: Math.round(score * 1000) / 1000 });
    }
    hits.sort((a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId));
    return hits.slice(0, limit);
  };
  return Object.assign(search, { queries });
}
