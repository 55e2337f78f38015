import { describe, expect, it } from 'vitest';
import type { CannedReply } from '../../../../shared/domain/canned';
import { searchCanned } from './cannedSearch';
import { fuzzyScore } from './fuzzy';

const reply = (shortcut: string, title: string, body: string): CannedReply => ({
  id: `cr-${shortcut}`,
  scope: 'team',
  teamId: 't1',
  ownerId: null,
  shortcut,
  title,
  body,
  updatedAt: 1,
});

const replies = [
  reply('hi', '问候', '您好{{customer.name}}，请问有什么可以帮您？'),
  reply('pwd', '重置密码步骤', '您可以在登录页点击「忘记密码」重新设置。'),
  reply('wait', '请稍等', '我这边帮您查询一下，请稍等。'),
  reply('refund', '退款时效', '退款会在1到3个工作日内原路退回。'),
];

describe('canned reply search', () => {
  it('keeps every reply in order for an empty query', () => {
    expect(searchCanned('', replies).map((r) => r.shortcut)).toEqual(['hi', 'pwd', 'wait', 'refund']);
  });

  it('finds Chinese in the title and body, not only Latin shortcuts', () => {
    expect(searchCanned('密码', replies)[0]?.shortcut).toBe('pwd');
    expect(searchCanned('原路退回', replies).map((r) => r.shortcut)).toEqual(['refund']);
  });

  it('matches the characters in order with gaps (fuzzy), case- and width-insensitive', () => {
    expect(searchCanned('RFD', replies).map((r) => r.shortcut)).toEqual(['refund']);
    expect(searchCanned('ｗａｉｔ', replies)[0]?.shortcut).toBe('wait');
    expect(searchCanned('重置步骤', replies)[0]?.shortcut).toBe('pwd');
    expect(searchCanned('zzz', replies)).toEqual([]);
  });

  it('ranks a shortcut hit before the same text in a body, and a substring before a scattered match', () => {
    const list = [reply('x1', '说明', '先说 hi 再说别的'), reply('hi', '问候', '您好')];
    expect(searchCanned('hi', list).map((r) => r.shortcut)).toEqual(['hi', 'x1']);
    expect(fuzzyScore('退款', '退款时效')!).toBeGreaterThan(fuzzyScore('退款', '退回的款项')!);
  });
});
