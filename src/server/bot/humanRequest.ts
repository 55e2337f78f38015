import { bare, fold } from './normalize';

/**
 * Does the customer ask for a person? Matched on phrases, not on the bare words, because the
 * words alone have everyday meanings on this platform: 人工智能 (AI), 人工审核 (manual review of
 * a note), 人工费 (labour cost of a repair), 真人认证 (real-person verification), "agent fee",
 * "user agent", "chat with people nearby". A false positive costs an agent's time; a missed
 * request costs only one more turn, since the bot's next low-confidence or unhelpful turn hands
 * off anyway.
 */

/** 人工 when it means a human agent, not 人工智能, 人工审核, 人工费 … */
const RENGONG = '人工(?!智能|审核|复核|复审|费|成本|合成|降雨|增雨|授精|呼吸|草坪|湖|养殖|繁殖|晶体|关节|耳蜗|心脏|翻译)';
/** 真人 when it means a person to talk to, not 真人认证 (verification) or 真人秀 (reality show). */
const ZHENREN = '真人(?!认证|秀|版|照|实名|cos|图)';

const ZH: RegExp[] = [
  new RegExp(`转(?:接)?(?:到)?(?:${RENGONG}|${ZHENREN}|客服)`),
  new RegExp(`${RENGONG}(?:客服|服务|坐席|座席|接待|回复|客户经理)`),
  new RegExp(`(?:找|要|叫|换|接|请|呼叫|联系)(?:个|一个|一下)?(?:${RENGONG}|${ZHENREN})`),
  /(?:找|要|叫|换|呼叫|联系)(?:个|一个|一下|你们的?)?客服/,
  /真人(?:客服|服务|回复|回答|接待)/,
  new RegExp(`(?:是|是不是)${ZHENREN}`),
  /客服(?:在吗|在不在|呢|人呢)/,
  /(?:不想|不要|不愿意?)(?:和|跟|与)机器人/,
];
/** The whole message is 人工 / 真人 / 客服, possibly repeated: "人工！！", "人工人工". */
const ZH_BARE = /^(?:人工|真人|客服)+$/;

const EN_STRONG = '(?:human|agent|representative|rep|operator|customer service|customer support|support team|(?:real|live|actual) (?:person|human|people))';
const EN: RegExp[] = [
  new RegExp(`\\b(?:talk|speak)(?: to| with) (?:a |an |the |your |some )?(?:${EN_STRONG}|someone|somebody|a person)\\b`),
  new RegExp(`\\bchat with (?:a |an |the |your )?${EN_STRONG}\\b`),
  new RegExp(`\\b(?:connect|transfer|put) me(?: through)? (?:to|with) (?:a |an |the |your )?(?:${EN_STRONG}|someone|somebody)\\b`),
  new RegExp(`\\btransfer (?:to|me to) (?:a |an |the )?${EN_STRONG}\\b`),
  /\b(?:real|live|actual) (?:person|human|people)\b/,
  /\b(?:live|human) (?:agent|support|representative|operator|help)\b/,
  /\b(?:don't|do not) want (?:to (?:talk|speak|chat) (?:to|with) )?(?:a |the |this |your )?(?:bot|robot)\b/,
  // a short request that is only the noun: "agent", "human please", "can I get an agent?"
  new RegExp(
    `^(?:hi |hello )?(?:(?:i )?(?:want|need|would like)(?: to (?:talk|speak) to)? |get me |give me |(?:can|may|could) i (?:get|have) )?(?:a |an |the |your )?${EN_STRONG}(?: please| pls| now| asap)*[\\s.!?]*$`,
  ),
];

export function asksForHuman(text: string): boolean {
  const folded = fold(text);
  if (ZH_BARE.test(bare(text))) return true;
  return ZH.some((re) => re.test(folded)) || EN.some((re) => re.test(folded));
}
