/** Lines every kind of conversation uses. Placeholders as in ./types. */

export const OPENER_PREFIXES = ['', '', '你好，', '您好，', '请问', '在吗？', '客服你好，'];

export const BOT_ANSWER = ['{summary}详细步骤可以查看《{title}》。', '为您找到相关说明：{summary}', '{summary}您可以参考《{title}》操作。'];
export const BOT_FOLLOW = ['以上内容能解决您的问题吗？如需人工服务，请回复「转人工」。', '如果还有疑问，回复「转人工」即可联系人工客服。'];
export const BOT_THANKS = ['不客气，很高兴能帮到您，祝您生活愉快～', '好的，有其他问题随时来问我哦。', '感谢您的使用，再见！'];
export const BOT_OFF_HOURS = ['人工客服的服务时间是{hours}，您可以留言，我们上班后会第一时间回复。'];

export const CUSTOMER_BOT_OK = ['好的，明白了，谢谢', '懂了，我去试试', '哦哦，原来是这样，谢谢', '好的，解决了'];
export const CUSTOMER_HANDOFF = ['转人工', '人工客服', '我要找人工', '没用，转人工', '机器人听不懂，帮我转人工', '还是不行，转人工吧'];

export const EVENT_HANDOFF = ['已为您转接人工客服，当前排队第{n}位', '正在为您转接人工客服，请稍候', '已进入「{queue}」人工队列，前面还有{n}人'];
export const EVENT_PICKED = '{agent} 已接入会话';
export const EVENT_LEFT = '用户已离开会话';
export const EVENT_TIMED_OUT = '用户长时间未回复，会话已自动结束';
export const EVENT_ESCALATED_PICKUP = '店铺超过2分钟未接待，用户申请平台介入，会话已转入「升级处理」队列';
export const EVENT_ESCALATED_REPLY = '店铺超过5分钟未回复，用户申请平台介入，会话已转入「升级处理」队列';
export const EVENT_TICKET = '已创建工单 {ticket}，由{department}跟进';
export const EVENT_CSAT = '用户评价：{stars}';

export const AGENT_GREET = [
  '您好，我是{agent}，很高兴为您服务。',
  '您好{name}，我是客服{agent}，刚才的对话我已经看到了。',
  '您好，{agent}为您服务，请问具体是什么情况呢？',
  '{name}您好，我是{agent}，让您久等了。',
];
export const AGENT_ACK = ['好的，我这边帮您查一下，请稍等。', '收到，正在为您核实，大概需要一两分钟。', '明白了，请稍等，我看一下系统记录。', '好的，您稍等，我马上查。'];
export const AGENT_CLOSE = [
  '不客气，请问还有其他问题吗？没有的话我先结束本次会话啦。',
  '感谢您的耐心，祝您生活愉快！',
  '好的，后续有任何问题随时联系我们，再见～',
  '问题已经处理好了，会话结束后麻烦帮我评个分，谢谢！',
];
export const AGENT_CLOSE_FOLLOWUP = ['后续进展会第一时间通知您，感谢您的耐心。', '有任何新情况也可以随时联系我们，辛苦您了。'];
export const AGENT_TICKET = ['这个问题需要专门的同事继续跟进，我已经为您提交了工单{ticket}，处理结果会通过站内信和短信通知您。', '我已为您创建工单{ticket}，相关同事会在{hours}小时内处理，请留意消息。'];

export const CUSTOMER_THANKS = ['好的，谢谢你', '明白了，辛苦了', '太好了，谢谢！', '嗯嗯，感谢', '好的，我知道了'];
/** After being told someone will follow up. */
export const CUSTOMER_WILL_WAIT = ['行，那我等通知', '好，麻烦尽快', '好的，希望快点处理', '嗯，那我等你们消息'];
export const CUSTOMER_BYE = ['没有了，拜拜', '没有了，谢谢', '暂时没有了'];
export const CUSTOMER_WAIT = ['在吗？', '有人吗', '怎么还没人回复', '还在吗？', '人呢？'];
export const CUSTOMER_ABANDON = ['算了，不等了', '排队太久了，回头再说', '先不问了', '我自己再研究一下吧'];
export const CUSTOMER_COMPLAIN_WAIT = ['店铺半天都不理人', '等了好久都没人回复我', '刚才的客服回了一句就不见了'];

export const SHOP_GREET = ['亲，您好～我是{agent}，请问有什么可以帮您？', '您好，欢迎光临{shop}，{agent}为您服务。', '亲，在的～请问有什么需要？'];
export const SHOP_BOT_PREFIX = '店铺小助手：';

export const NOTE_SENSITIVE = ['命中敏感词「{word}」，已按投诉流程标记并同步组长。', '用户提到「{word}」，情绪较大，已标记重点跟进。'];
export const NOTE_ESCALATED = ['店铺超时未回复，已记录店铺超时一次。', '已通过商家后台联系店铺负责人，要求2小时内给出方案。', '已调取店铺聊天记录，店铺确实未及时响应。'];
export const NOTE_CALLBACK = ['已登记电话回访，预约今天下午联系用户。', '用户要求电话沟通，已安排回呼。'];

export const STARS = ['★☆☆☆☆', '★★☆☆☆', '★★★☆☆', '★★★★☆', '★★★★★'];
