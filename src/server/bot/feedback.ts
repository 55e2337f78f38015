import { bare, fold } from './normalize';

/**
 * Short conversational signals around a bot answer: "that did not help", "thanks, solved",
 * "hello". Phrases that are also ordinary words in a question (不对 in 金额不对怎么办, 没用 in
 * 优惠券没用就过期了) only count when they make up a short message on their own.
 */

const NEGATIVE_ANYWHERE: RegExp[] = [
  /没(?:有)?解决/,
  /答非所问/,
  /不是我(?:想)?问的/,
  /不是我(?:想)?要的(?:答案|回答)/,
  /没(?:有)?(?:什么)?帮助/,
  /不管用/,
  /一点用(?:都|也)?没有/,
  /一点(?:都|也)没(?:有)?用/,
  /(?:回答|说的|你说的|这个答案).{0,4}(?:没用|不对|没有用)/,
  /还是(?:不行|没用|不会|没有用|不对)/,
  /\b(?:not|wasn't|isn't) helpful\b/,
  /\b(?:that|this|it|you|your answer) (?:didn't|doesn't|did not|does not) help\b/,
  /\b(?:didn't|doesn't|did not|does not) answer my question\b/,
  /\buseless\b/,
  /\bnot what i (?:asked|meant|need|wanted)\b/,
  /\bwrong answer\b/,
  /\bno help\b/,
];

/** Only when the message is nothing more (after dropping punctuation and particles). */
const NEGATIVE_ALONE =
  /^(?:没用|没有用|不对|不是|不是这个(?:问题|意思)?|不是我要的|不行|错了|无效|看不懂|听不懂|没懂|废话|no|nope|wrong|thatswrong|thatsnotit)(?:啊|呀|吧|哦|的|了|啦)*$/;

const ACK = /^(?:好的|好|(?:谢谢|感谢|多谢)(?:你|您)?|谢了|明白了?|知道了|懂了|解决了|可以了|好了|行|嗯|ok|okay|thanks|thankyou|thx|gotit|solved|great|perfect|thatshelpful|thathelps|啦|了|呀|哈|哦|啊)+$/;

const GREETING = /^(?:你好|您好|在吗|在不在|哈喽|嗨|早上好|上午好|中午好|下午好|晚上好|hi|hello|hey|hithere|goodmorning|goodafternoon|goodevening|客服|呀|啊|哦|哈)+$/;

export function isNegativeFeedback(text: string): boolean {
  const folded = fold(text);
  if (NEGATIVE_ANYWHERE.some((re) => re.test(folded))) return true;
  return NEGATIVE_ALONE.test(bare(text));
}

/** "谢谢", "好的，明白了", "thanks, got it": the customer is satisfied with what they got. */
export function isAcknowledgement(text: string): boolean {
  if (/[?？吗]/.test(text)) return false;
  const gist = bare(text);
  return gist.length > 0 && ACK.test(gist) && !/^(?:啦|了|呀|哈|哦|啊)+$/.test(gist);
}

/** "你好", "在吗", "hello": nothing to search for yet. */
export function isGreeting(text: string): boolean {
  const gist = bare(text);
  return gist.length > 0 && GREETING.test(gist) && !/^(?:客服|呀|啊|哦|哈)+$/.test(gist);
}
