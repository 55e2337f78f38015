import type { Agent, Queue, Shop, Team } from '../schema';

/*
 * The demo centre: five platform teams, two shops with a team and a queue each, 20 agents, 2 leads
 * and the admin. `agent`, `lead` and `shop` are the accounts of src/server/demo/seed.ts and keep
 * their names there.
 */

export const SHOP_BEAUTY = 'shop-huaxin';
export const SHOP_OUTDOOR = 'shop-yuanshan';

export const SHOPS: Shop[] = [
  { id: SHOP_BEAUTY, name: '花信彩妆旗舰店' },
  { id: SHOP_OUTDOOR, name: '远山户外装备店' },
];

export const TEAM = {
  account: 'team-account',
  trade: 'team-trade',
  content: 'team-content',
  escalation: 'team-escalation',
  feedback: 'team-feedback',
  beauty: 'team-huaxin',
  outdoor: 'team-yuanshan',
} as const;

export const TEAMS: Team[] = [
  { id: TEAM.account, name: '账号安全组', kind: 'platform' },
  { id: TEAM.trade, name: '交易售后组', kind: 'platform' },
  { id: TEAM.content, name: '内容社区组', kind: 'platform' },
  { id: TEAM.escalation, name: '升级处理组', kind: 'platform' },
  { id: TEAM.feedback, name: '用户体验组', kind: 'platform' },
  { id: TEAM.beauty, name: '花信彩妆客服组', kind: 'merchant', shopId: SHOP_BEAUTY },
  { id: TEAM.outdoor, name: '远山户外客服组', kind: 'merchant', shopId: SHOP_OUTDOOR },
];

export const QUEUE = {
  account: 'q-account',
  trade: 'q-trade',
  content: 'q-content',
  escalation: 'q-escalation',
  feedback: 'q-feedback',
  beauty: 'q-huaxin',
  outdoor: 'q-yuanshan',
} as const;

export const QUEUES: Queue[] = [
  {
    id: QUEUE.account,
    name: '账号与安全',
    kind: 'platform',
    teamIds: [TEAM.account],
    botFirst: true,
    channels: ['chat', 'dm'],
    hours: '24x7',
  },
  {
    id: QUEUE.trade,
    name: '交易与退款',
    kind: 'platform',
    teamIds: [TEAM.trade],
    botFirst: true,
    channels: ['chat'],
    hours: { start: '09:00', end: '22:00' },
    maxConcurrentPerAgent: 6,
  },
  {
    id: QUEUE.content,
    name: '内容与社区',
    kind: 'platform',
    teamIds: [TEAM.content],
    botFirst: true,
    channels: ['chat', 'comment', 'dm'],
    hours: { start: '09:00', end: '21:00' },
  },
  {
    id: QUEUE.escalation,
    name: '升级处理',
    kind: 'escalation',
    teamIds: [TEAM.escalation],
    botFirst: false,
    channels: ['chat'],
    hours: { start: '09:00', end: '22:00' },
    maxConcurrentPerAgent: 3,
  },
  {
    id: QUEUE.feedback,
    name: '意见反馈',
    kind: 'feedback',
    teamIds: [TEAM.feedback],
    botFirst: false,
    channels: ['feedback'],
    hours: { start: '09:00', end: '18:00' },
  },
  {
    id: QUEUE.beauty,
    name: '花信彩妆旗舰店',
    kind: 'merchant',
    teamIds: [TEAM.beauty],
    shopId: SHOP_BEAUTY,
    botFirst: true,
    channels: ['chat', 'dm'],
    hours: { start: '09:00', end: '22:00' },
  },
  {
    id: QUEUE.outdoor,
    name: '远山户外装备店',
    kind: 'merchant',
    teamIds: [TEAM.outdoor],
    shopId: SHOP_OUTDOOR,
    botFirst: false,
    channels: ['chat', 'dm'],
    hours: { start: '10:00', end: '22:00' },
  },
];

type AgentRow = [username: string, displayName: string, role: Agent['role'], teamIds: string[], skills: string[], maxConcurrent: number];

const ROWS: AgentRow[] = [
  ['agent', '李小满', 'agent', [TEAM.account, TEAM.trade], ['账号安全', '退款', '电话回呼'], 6],
  ['lead', '王组长', 'lead', [TEAM.account, TEAM.trade, TEAM.escalation], ['质检', '投诉处理', '升级处理', '电话回呼'], 3],
  ['shop', '小铺客服', 'agent', [TEAM.beauty], ['彩妆', '售后'], 8],
  ['admin', '系统管理员', 'admin', [], [], 0],
  ['jianghui', '蒋慧', 'lead', [TEAM.content, TEAM.feedback, TEAM.escalation], ['质检', '内容审核', '申诉复核'], 3],
  ['zhouyining', '周以宁', 'agent', [TEAM.account], ['账号安全', '实名认证'], 6],
  ['chenmo', '陈默', 'agent', [TEAM.account], ['账号安全', '盗号处置'], 6],
  ['linxiaoyu', '林晓雨', 'agent', [TEAM.account], ['实名认证', '隐私'], 5],
  ['zhaoyiming', '赵一鸣', 'agent', [TEAM.trade], ['退款', '支付'], 6],
  ['sunjiayi', '孙佳怡', 'agent', [TEAM.trade], ['物流', '售后', 'VIP'], 6],
  ['wusiyuan', '吴思远', 'agent', [TEAM.trade], ['优惠券', '会员'], 6],
  ['zhengkexin', '郑可欣', 'agent', [TEAM.trade], ['退货', '物流'], 5],
  ['heruoxi', '何若溪', 'agent', [TEAM.content], ['内容审核', '申诉'], 6],
  ['fengzimo', '冯子墨', 'agent', [TEAM.content], ['付费推广', '创作者收益'], 6],
  ['xuanran', '许安然', 'agent', [TEAM.content], ['举报处理', '隐私'], 6],
  ['tangshuyao', '唐书瑶', 'agent', [TEAM.escalation, TEAM.trade], ['投诉处理', '商家纠纷', 'VIP'], 4],
  ['hanlixing', '韩立行', 'agent', [TEAM.escalation], ['商家纠纷', '电话回呼'], 4],
  ['caoqing', '曹晴', 'agent', [TEAM.feedback, TEAM.content], ['用户反馈', '产品建议'], 8],
  ['sunian', '苏念', 'agent', [TEAM.beauty], ['彩妆', '肤质咨询'], 8],
  ['bailu', '白露', 'agent', [TEAM.beauty], ['护肤', '售后'], 8],
  ['luyuan', '陆远', 'agent', [TEAM.outdoor], ['露营装备', '尺码'], 8],
  ['shilei', '石磊', 'agent', [TEAM.outdoor], ['登山装备', '售后'], 8],
  ['xiachuan', '夏川', 'agent', [TEAM.outdoor], ['服装', '售后'], 8],
];

export const AGENTS: Agent[] = ROWS.map(([username, displayName, role, teamIds, skills, maxConcurrent]) => ({
  id: `ag-${username}`,
  username,
  displayName,
  role,
  teamIds,
  skills,
  maxConcurrent,
}));

/** Agent id of a username, for content that names a particular person. */
export function agentId(username: string): string {
  return `ag-${username}`;
}
