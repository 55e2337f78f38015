import type { BotHandoff, BotLocale, HandoffReason } from './types';

/**
 * Everything the bot says, per locale. Kept out of the decision logic so wording changes never
 * touch behaviour, and so the answer's lead-in can be recognised again in the history (it is how
 * the bot notices that it is about to give the same article twice).
 */
interface BotPhrases {
  handoff: Record<HandoffReason, string>;
  /** The lead-in naming the article an answer comes from. */
  answerLead(title: string): string;
  related(titles: readonly string[]): string;
  followUp: string;
  retryApology: string;
  rephrase: string;
  welcome: string;
  youAreWelcome: string;
  emptyMessage: string;
  reasonLabel: Record<HandoffReason, string>;
  summary(firstQuestion: string | null, reason: string): string;
}

const zh: BotPhrases = {
  handoff: {
    asked_for_human: '好的，正在为您转接人工客服，请稍候…',
    low_confidence: '这个问题我暂时无法准确回答，正在为您转接人工客服，请稍候…',
    unhelpful_turns: '抱歉没能帮您解决问题，正在为您转接人工客服，请稍候…',
    sensitive: '您反映的情况我们非常重视，正在为您转接人工客服，请稍候…',
    provider_error: '正在为您转接人工客服，请稍候…',
  },
  answerLead: (title) => `关于「${title}」：`,
  related: (titles) => `您可能还想了解：${titles.join('；')}`,
  followUp: '还有其他问题吗？',
  retryApology: '抱歉，刚才的回答没能帮到您。',
  rephrase: '您可以换个说法描述一下问题，或回复“人工”为您转接人工客服。',
  welcome: '您好，我是智能客服，请问有什么可以帮您？',
  youAreWelcome: '不客气，还有其他问题吗？',
  emptyMessage: '请用文字描述一下您遇到的问题，我来帮您看看。',
  reasonLabel: {
    asked_for_human: '客户要求转人工',
    low_confidence: '机器人无法确定答案',
    unhelpful_turns: '机器人多次回答未解决',
    sensitive: '涉及投诉等敏感内容',
    provider_error: '机器人服务异常',
  },
  summary: (q, reason) => `首问：${q ?? '（无）'}｜转人工原因：${reason}`,
};

const en: BotPhrases = {
  handoff: {
    asked_for_human: 'Sure, connecting you to a customer service agent, please wait…',
    low_confidence: "I can't answer that one reliably, connecting you to a customer service agent, please wait…",
    unhelpful_turns: "Sorry I couldn't solve this for you, connecting you to a customer service agent, please wait…",
    sensitive: 'We take this seriously, connecting you to a customer service agent, please wait…',
    provider_error: 'Connecting you to a customer service agent, please wait…',
  },
  answerLead: (title) => `About "${title}":`,
  related: (titles) => `You may also want to read: ${titles.join('; ')}`,
  followUp: 'Anything else I can help with?',
  retryApology: "Sorry, my last answer didn't help.",
  rephrase: 'Could you describe the problem in other words? Or reply "agent" to talk to a person.',
  welcome: "Hello, I'm the virtual assistant. How can I help you?",
  youAreWelcome: "You're welcome. Anything else I can help with?",
  emptyMessage: "Please describe your problem in words and I'll look into it.",
  reasonLabel: {
    asked_for_human: 'customer asked for a human',
    low_confidence: 'bot not confident',
    unhelpful_turns: 'bot answers did not help',
    sensitive: 'complaint or other sensitive content',
    provider_error: 'bot failure',
  },
  summary: (q, reason) => `First question: ${q ?? '(none)'} | Hand-off: ${reason}`,
};

export function phrases(locale: BotLocale): BotPhrases {
  return locale === 'en' ? en : zh;
}

const LEADS = [/^关于「(.+?)」：/m, /^About "(.+?)":/m];

/**
 * The article title an earlier bot answer led with, or null for anything else the bot said
 * (greetings, apologies, another provider's free text).
 */
export function answeredTitle(botText: string): string | null {
  for (const lead of LEADS) {
    const match = lead.exec(botText);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** Whether a bot line is the bot's own admission that the customer's last turn was not helped. */
export function isRetryReply(botText: string): boolean {
  return [zh, en].some((p) => botText.startsWith(p.retryApology));
}

/** The hand-off decision for a reason, with what the bot says while a person is found. */
export function handoff(reason: HandoffReason, locale: BotLocale): BotHandoff {
  return { kind: 'handoff', reason, text: phrases(locale).handoff[reason] };
}
