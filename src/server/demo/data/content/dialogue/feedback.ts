import type { TicketPriority } from '../../schema';

/** The 意见反馈 queue: suggestions, bug reports and complaints that are answered later, not live. */

export const FEEDBACK_CATEGORY = '意见反馈';

export interface FeedbackKind {
  kind: string;
  weight: number;
  posts: string[];
  replies: string[];
  followUps: string[];
  ticket?: { chance: number; titles: string[]; priority: TicketPriority; department: 'feedback' | 'escalation' | 'content' };
}

export const FEEDBACK_KINDS: FeedbackKind[] = [
  {
    kind: '产品建议',
    weight: 5,
    posts: [
      '建议收藏夹可以按文件夹分类，现在收藏太多找不到了。',
      '希望笔记能支持插入表格，做攻略的时候很需要。',
      '夜间模式下有些按钮看不清，建议调整一下颜色。',
      '能不能加一个只看图片的浏览模式？',
      '希望可以批量删除浏览记录，一条一条删太麻烦了。',
      '建议搜索结果可以按发布时间排序。',
      '评论区能不能加一个按热度排序的选项？',
    ],
    replies: [
      '感谢您的建议！收藏分类的需求已经记录到产品需求池，后续版本规划时会重点评估。',
      '谢谢您这么用心地提建议，我们已经同步给产品同学，有进展会通过系统通知告诉您。',
      '这个建议很有价值，我们已经收到多位用户类似的反馈，会优先讨论。',
    ],
    followUps: ['好的，期待早点上线', '谢谢回复', '希望能快点做出来'],
  },
  {
    kind: '功能异常',
    weight: 4,
    posts: [
      '更新到最新版本后，打开消息页就闪退。',
      '视频播放到一半经常黑屏，只有声音。',
      '发笔记选图片的时候相册加载不出来。',
      '点赞以后刷新页面，点赞状态又没了。',
      '搜索框输入中文的时候会卡顿好几秒。',
      '网页版上传图片一直转圈。',
    ],
    replies: [
      '您反馈的问题我们已经复现，并提交给技术团队排查，修复后会通过系统通知告诉您。',
      '非常抱歉给您带来困扰。麻烦告诉我们手机型号和系统版本，方便技术同学定位问题。',
      '这个问题已经在新版本中修复，更新App后即可正常使用，感谢您的反馈！',
    ],
    followUps: ['手机是安卓，系统版本14', '更新后好了，谢谢', '好的，等你们修复'],
    ticket: { chance: 0.35, titles: ['新版本消息页闪退', '视频播放黑屏问题', '相册加载失败'], priority: 'normal', department: 'feedback' },
  },
  {
    kind: '服务投诉',
    weight: 2,
    posts: [
      '我要投诉昨天的客服，问题没解决就直接结束了会话。',
      '找了三次客服，每次都要我从头说一遍，体验太差了。',
      '店铺客服态度很差，问两句就不耐烦，我要投诉。',
      '平台介入处理了一周还没有结果，再不处理我就投诉到消费者协会。',
    ],
    replies: [
      '非常抱歉给您带来了不好的体验，您反馈的情况我们已经转给服务质量组核查，会在2个工作日内给您答复。',
      '真的很抱歉让您反复说明情况，我们已经调取了您的历史会话，并安排专人跟进到底。',
      '收到您的投诉，我们会核查相关聊天记录，对服务不规范的情况严肃处理，结果会及时告知您。',
    ],
    followUps: ['希望这次能真正解决', '好，我等你们的答复', '行吧，尽快'],
    ticket: { chance: 0.8, titles: ['客服服务质量投诉核查', '店铺客服态度投诉', '平台介入超时投诉'], priority: 'high', department: 'escalation' },
  },
  {
    kind: '内容建议',
    weight: 2,
    posts: [
      '首页老是给我推同一类内容，能不能多样一点。',
      '有些笔记明显是广告，建议加个标识。',
      '希望能屏蔽某些关键词的笔记。',
    ],
    replies: [
      '感谢反馈！您可以在笔记右上角点击「不感兴趣」，系统会减少同类推荐；您的建议我们也已同步给推荐团队。',
      '商业合作笔记都应当带有「品牌合作」标识，未标注的您可以直接举报，我们会核查处理。',
      '关键词屏蔽功能正在内测中，很快会向所有用户开放，敬请期待。',
    ],
    followUps: ['好的，我试试', '谢谢，期待'],
    ticket: { chance: 0.15, titles: ['未报备商业笔记线索'], priority: 'low', department: 'content' },
  },
];
