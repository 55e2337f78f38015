/** Lines of ticket timelines, and the standalone tickets that do not come from a conversation. */

export const TICKET_CREATED_FROM_CHAT = ['由会话创建：{title}', '会话中无法当场解决，转工单跟进', '用户诉求需后台核实，已建单'];

export const TICKET_ACCEPTED = ['已受理，正在核实', '已领取，开始处理', '开始处理，先调取相关记录'];

export const TICKET_TRANSFER = ['需要{department}协助核实，转交处理', '涉及{department}职责范围，已转交', '按分工转{department}跟进'];

export type Department = 'account' | 'trade' | 'content' | 'escalation' | 'feedback';

/** Progress comments and resolutions, by the department holding the ticket. */
export const TICKET_PROGRESS: Record<Department, string[]> = {
  account: ['已核对登录日志，确认异常登录来源', '已电话联系用户，完成身份核验', '用户补充了身份证明材料', '已提交风控复核，等待结果'],
  trade: ['已联系商家，等待商家回复', '已调取物流签收记录', '商家已回复，同意用户诉求', '用户上传了新的凭证照片', '已向支付渠道发起查询'],
  content: ['已调取笔记原始素材和发布记录', '已提交审核复核组', '用户补充了原创证明', '已核实被举报账号的违规记录'],
  escalation: ['已联系店铺负责人，要求限期处理', '已调取双方聊天记录', '已电话联系用户，用户补充了说明', '已申请补偿券，等待审批', '店铺已提交进货凭证，待核验'],
  feedback: ['已提交技术同学排查', '已复现问题，等待版本修复', '已电话联系用户，确认机型和系统版本', '已同步给产品负责人评估'],
};

export const TICKET_RESOLVED: Record<Department, string[]> = {
  account: ['已处理：账号已恢复，提醒用户修改密码', '已处理：换绑审核通过，新号码已生效', '已处理：冒用认证已解除'],
  trade: ['已处理：退款已原路退回，用户确认', '已处理：商家补发，单号已同步给用户', '已处理：补偿券已发放'],
  content: ['已处理：复核通过，处罚已撤销', '已处理：违规账号已封禁', '已处理：已向用户说明处理依据，用户表示理解'],
  escalation: ['已处理：平台判定支持用户诉求，退款已完成', '已处理：店铺已赔付，用户确认', '已处理：已向用户说明处理依据，用户表示理解'],
  feedback: ['已处理：问题已在新版本修复并通知用户', '已处理：建议已纳入需求池，已回复用户'],
};

/** Where a department hands a ticket on. */
export const TRANSFER_TARGETS: Record<Department, Department[]> = {
  account: ['content', 'escalation'],
  trade: ['escalation'],
  content: ['account', 'escalation'],
  escalation: ['trade'],
  feedback: ['content', 'trade', 'escalation'],
};

export const TICKET_CLOSED_BY_AGENT = ['用户确认无异议，工单关闭', '回访满意，工单关闭', '已电话回访，用户认可处理结果，关闭工单'];
export const TICKET_CLOSED_BY_SYSTEM = ['处理完成超过3天无回复，自动关闭', '用户未提出异议，系统自动关闭'];

export interface StandaloneTicket {
  title: string;
  /** First timeline entry: how the ticket came in. */
  created: string;
  category: string;
  department: Department;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  needsOrder: boolean;
}

export const STANDALONE_TICKETS: StandaloneTicket[] = [
  { title: '电话回访：账号找回进度', created: '用户来电询问申诉进度，登记回访', category: '账号与登录', department: 'account', priority: 'normal', needsOrder: false },
  { title: '电话回访：退款到账核实', created: '用户来电反馈退款未到账，登记回访', category: '退款', department: 'trade', priority: 'normal', needsOrder: true },
  { title: '用户来电：包裹丢失赔付', created: '电话来访登记，用户称包裹丢失', category: '物流配送', department: 'trade', priority: 'high', needsOrder: true },
  { title: '质检抽查：结束会话前未确认问题解决', created: '质检抽查发现，需要回访用户', category: '售后服务', department: 'escalation', priority: 'normal', needsOrder: false },
  { title: '批量冒充客服私信线索', created: '多名用户反馈收到冒充客服私信，汇总建单', category: '账号安全', department: 'account', priority: 'urgent', needsOrder: false },
  { title: '创作者收益分成争议', created: '创作者邮件反馈与机构分成不一致', category: '创作者收益', department: 'content', priority: 'normal', needsOrder: false },
  { title: '会员重复扣费退款', created: '用户来电反馈会员费被扣两次', category: '会员权益', department: 'trade', priority: 'normal', needsOrder: false },
  { title: '店铺多次超时未回复投诉', created: '用户来电投诉店铺客服长期不回复', category: '商家规则', department: 'escalation', priority: 'high', needsOrder: true },
  { title: '版权投诉材料补充', created: '权利人补充侵权证明材料，建单跟进', category: '举报与投诉', department: 'content', priority: 'low', needsOrder: false },
  { title: '用户来电：疑似收到假货', created: '电话来访登记，用户怀疑收到假货', category: '售后服务', department: 'escalation', priority: 'urgent', needsOrder: true },
];
