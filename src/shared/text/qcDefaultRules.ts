/**
 * The default quality-check rules (ARCHITECTURE §1 "Quality rules"). Written for this project;
 * the syntax of `patterns` is described in qcRules.ts (regex sources on normalised, lower-cased
 * text).
 *
 * Customer side: words that mean a dispute may escalate (fraud, counterfeit, complaints to
 * regulators, police, lawyers, the media). They only flag the conversation for the team lead.
 *
 * Agent side: what an agent must never write. Rules are kept narrow on purpose — a guard that
 * fires on ordinary replies gets ignored — so privacy rules need a request verb next to the
 * secret (请提供您的密码 hits, 请不要向任何人透露密码 and 密码学 do not), and most are
 * `negatable`, so a warning to the customer never trips them.
 *
 * Not here: closing without handling and ignoring a complaint are behaviour, not words; the
 * server's SLA / conversation-state logic judges them (see evaluateQc).
 */
import type { QcRule } from './qcRules';

/** Characters up to the end of a clause; keeps a verb and its object in one sentence. */
const IN_CLAUSE = '[^。！？!?；;，,\\n]';
/** Secrets no agent may ask for, in any language the centre uses. */
const SECRET = '(?:支付密码|登录密码|密码|验证码|校验码|动态码|短信码|安全码|cvv|cvn)';
const SECRET_EN = '(?:password|passcode|pin|verification code|security code|sms code|one-time code|otp|cvv)';
const ASK_BEFORE = '(?:提供|告诉|告知|发送|发给|发一下|发下|发来|发过来|报一下|报给|说一下|说出|念一下|给我|给我们|索要|私信)';
const ASK_AFTER = '(?:发给我|发我|发过来|发一下|告诉我|报给我|报一下|说一下|念一下|给我)';
const FULL_ID = '(?:完整|全部|整个)的?(?:身份证|id|银行卡|信用卡|卡)号?(?:码)?';

/*
 * 举报 and 曝光 are also everyday words on a notes platform: the app has a report feature
 * (怎么举报违规笔记) and photos and notes have exposure (照片曝光怎么调, 笔记曝光量低). They count
 * only as a threat: aimed at the shop or the centre (举报你们, 曝光这家店), or announced (我要举报,
 * 去网上曝光) without naming something the feature acts on.
 */
/** Whom a customer threatens: the shop, the seller or the centre itself. */
const THREAT_TARGET = '(?:你们|你|商家|卖家|店家|店铺|这家店|这个店|贵店|贵公司|客服)';
/** An announced intent: "I will …", "go and …", "on the internet …". */
const THREAT_LEAD = '(?:我要|我会|我就|我去|就去|要去|我们要|我们会|一定要|一定会|必须|马上|立刻|等着被|去网上|到网上|在网上|发到网上)';
/** What the app's report feature acts on, or a how-to question about it. */
const REPORT_FEATURE = `${IN_CLAUSE}{0,4}?(?:笔记|评论|帖子|用户|账号|博主|违规|内容|视频|直播|私信|入口|按钮|功能|中心|进度|结果)`;
/** Exposure as a photo or reach setting: 曝光度, 曝光量, 曝光补偿, 过曝 … */
const EXPOSURE_SETTING = '(?:度|量|率|值|数|时间|补偿|过度|不足|参数|模式|调|少|低|高|多|太|不够|数据|怎么)';
// The context sits in lookarounds, so a hit marks the word itself (the bot names it, the guard
// highlights it); the word comes first so the engine looks behind only where it occurs.
const REPORT_THREAT = `举报(?:(?<=${THREAT_LEAD}去?(?:向${IN_CLAUSE}{0,8}?)?举报)(?!${REPORT_FEATURE})|(?=${THREAT_TARGET}))`;
const EXPOSE_THREAT = `曝光(?:(?<=(?:${THREAT_LEAD}去?|把${IN_CLAUSE}{0,8}?)曝光)(?!${EXPOSURE_SETTING})|(?=${THREAT_TARGET}))`;

export const DEFAULT_QC_RULES: readonly QcRule[] = [
  // ------------------------------------------------------------------ customer side
  {
    id: 'customer.fraud',
    side: 'customer',
    category: 'fraud',
    label: { zh: '客户提及诈骗', en: 'Customer mentions fraud' },
    patterns: ['诈骗', '骗子', '骗钱', '被骗', '骗人', '欺诈', '\\bscam\\w*', '\\bfraud\\w*', '\\bcheat(?:ed|ing|ers?)?\\b'],
    severity: 'warning',
    action: 'flag',
  },
  {
    id: 'customer.counterfeit',
    side: 'customer',
    category: 'counterfeit',
    label: { zh: '客户质疑假货', en: 'Customer suspects a counterfeit' },
    patterns: ['假货', '假冒', '冒牌', '高仿', '山寨', '不是正品', '\\bfake\\b', '\\bcounterfeit\\b', '\\bknock-?offs?\\b'],
    severity: 'warning',
    action: 'flag',
  },
  {
    id: 'customer.complaint',
    side: 'customer',
    category: 'complaint',
    label: { zh: '客户要投诉或举报', en: 'Customer threatens a complaint' },
    patterns: ['投诉', REPORT_THREAT, '(?<!\\d)12315(?!\\d)', '消协', '消费者协会', '市场监管', '工商局', '\\bcomplain(?:t|ts|ed|ing)?\\b', '\\breport (?:you|this|it)\\b'],
    severity: 'warning',
    action: 'flag',
  },
  {
    id: 'customer.legal',
    side: 'customer',
    category: 'legal',
    label: { zh: '客户提及报警或法律途径', en: 'Customer mentions police or legal action' },
    patterns: ['报警', '警察', '律师', '起诉', '法院', '打官司', '\\blawyers?\\b', '\\bsue\\b', '\\blawsuit\\b', '\\bpolice\\b'],
    severity: 'critical',
    action: 'flag',
  },
  {
    id: 'customer.media',
    side: 'customer',
    category: 'media',
    label: { zh: '客户威胁曝光', en: 'Customer threatens to go public' },
    patterns: [EXPOSE_THREAT, '媒体', '记者', '上热搜', '发到网上', '发微博', '\\bgo public\\b', '\\bsocial media\\b', '\\bjournalists?\\b', '\\bexpose you\\b'],
    severity: 'critical',
    action: 'flag',
  },

  // ------------------------------------------------------------------ agent side: privacy
  {
    id: 'agent.ask_secret',
    side: 'agent',
    category: 'privacy',
    label: { zh: '索要密码或验证码', en: 'Asks for a password or verification code' },
    patterns: [
      `${ASK_BEFORE}${IN_CLAUSE}{0,10}?${SECRET}`,
      `${SECRET}${IN_CLAUSE}{0,6}?${ASK_AFTER}`,
      `\\b(?:tell|give|send|provide|share|read|forward)\\b[^.!?;,\\n]{0,24}?\\b${SECRET_EN}\\b`,
      `\\bwhat(?:'s| is) your ${SECRET_EN}\\b`,
    ],
    severity: 'critical',
    action: 'block',
    negatable: true,
  },
  {
    id: 'agent.ask_full_id',
    side: 'agent',
    category: 'privacy',
    label: { zh: '索要完整身份证号或银行卡号', en: 'Asks for a full ID or card number' },
    patterns: [
      `${ASK_BEFORE}${IN_CLAUSE}{0,8}?${FULL_ID}`,
      `${FULL_ID}${IN_CLAUSE}{0,6}?${ASK_AFTER}`,
      '\\b(?:full|complete|whole|entire) (?:id|identity card|id card|bank card|credit card|card) number\\b',
    ],
    severity: 'critical',
    action: 'block',
    negatable: true,
  },
  {
    id: 'agent.ask_private',
    side: 'agent',
    category: 'privacy',
    label: { zh: '询问与业务无关的隐私', en: 'Asks for unrelated private data' },
    patterns: [
      '(?:您|你)(?:结婚了吗|结婚没|有对象|有男朋友|有女朋友|单身吗|多大了|几岁了|工资多少|收入多少|月薪多少|长得)',
      '\\bare you (?:married|single)\\b',
      '\\bhow old are you\\b',
      '\\bhow much do you earn\\b',
    ],
    severity: 'warning',
    action: 'warn',
    negatable: true,
  },
  {
    id: 'agent.off_platform',
    side: 'agent',
    category: 'privacy',
    label: { zh: '引导私下联系或交易', en: 'Moves the customer off the platform' },
    patterns: ['加(?:我|一下)?(?:的)?(?:私人)?(?:微信|vx|v信|qq)', '私下(?:交易|转账|联系|沟通)', '\\badd me on (?:wechat|whatsapp|qq|telegram)\\b'],
    severity: 'critical',
    action: 'block',
    negatable: true,
  },

  // ------------------------------------------------------------------ agent side: internal information
  {
    id: 'agent.leak_screenshot',
    side: 'agent',
    category: 'leak',
    label: { zh: '外发后台或内部截图', en: 'Shares internal screenshots' },
    patterns: ['后台截图', '系统截图', '内部截图', '工作群截图', '\\b(?:admin|backend|internal) (?:panel |system )?screenshots?\\b'],
    severity: 'critical',
    action: 'block',
    negatable: true,
  },
  {
    id: 'agent.leak_internal',
    side: 'agent',
    category: 'leak',
    label: { zh: '泄露内部信息', en: 'Leaks internal information' },
    patterns: [
      '内部系统',
      '内部文件',
      '内部资料',
      '内部通知',
      '内部邮件',
      '内部群',
      '内部数据',
      '后台数据',
      '\\binternal (?:system|document|file|memo|data|email)s?\\b',
      '\\badmin (?:panel|console|backend)\\b',
    ],
    severity: 'warning',
    action: 'warn',
    negatable: true,
  },

  // ------------------------------------------------------------------ agent side: attitude
  {
    id: 'agent.rushing',
    side: 'agent',
    category: 'rushing',
    label: { zh: '催促或打断客户', en: 'Rushes or cuts off the customer' },
    patterns: [
      '快点说',
      '快说',
      '说重点',
      '挑重点说',
      '长话短说',
      '没空(?![位间调格])',
      '没时间(?:跟|和|陪)(?:你|您)',
      '别问了',
      '别再问了',
      '不要再问了',
      '问那么多',
      '问这么多',
      '我很忙',
      '说完了吗',
      '有完没完',
      '说了多少遍',
      '\\bhurry up\\b',
      '\\bmake it quick\\b',
      '\\bstop asking\\b',
      "\\bi (?:don't|do not) have time\\b",
      '\\bget to the point\\b',
    ],
    severity: 'warning',
    action: 'warn',
  },
  {
    id: 'agent.rude',
    side: 'agent',
    category: 'rude',
    label: { zh: '不文明用语', en: 'Rude language' },
    patterns: [
      '你是不是傻',
      '你傻',
      '傻[逼瓜子]',
      '你有病',
      '有病吧',
      '神经病',
      '脑子(?:有问题|进水|坏了)',
      '白痴',
      '蠢[货猪]',
      '你真蠢',
      '滚(?:吧|开|蛋|远点|出去)',
      '闭嘴',
      '爱买不买',
      '爱要不要',
      '关我什么事',
      '关我屁事',
      '你懂不懂',
      '去死',
      '买不起就别',
      '\\bstupid\\b',
      '\\bidiots?\\b',
      '\\bmorons?\\b',
      '\\bdumb\\b',
      '\\bshut up\\b',
      '\\bget lost\\b',
    ],
    severity: 'critical',
    action: 'block',
  },
  {
    id: 'agent.blame',
    side: 'agent',
    category: 'blame',
    label: { zh: '推卸责任', en: 'Blames others' },
    patterns: [
      '不是我们的问题',
      '不是我们的责任',
      '不关我们的事',
      '(?:跟|和|与)我们(?:没|没有|没什么)关系',
      '与我们无关',
      '(?:你|您)?自己(?:去)?(?:找|联系|问)快递',
      '找快递去',
      '是快递的问题',
      '是商家的问题',
      '是(?:你|您)自己的问题',
      '怪(?:你|您)自己',
      '谁让(?:你|您)',
      '\\bnot our (?:problem|fault|responsibility)\\b',
      '\\bcontact the courier yourself\\b',
      "\\b(?:it's|it is|that's|that is) your (?:own )?fault\\b",
    ],
    severity: 'warning',
    action: 'warn',
  },
];
