import { describe, expect, it } from 'vitest';
import type { QcRule } from '../../../../shared/text';
import { preSendGuard } from './preSendGuard';

describe('pre-send guard', () => {
  it('blocks asking for the login password (the default rule says block)', () => {
    const verdict = preSendGuard('请提供您的登录密码');
    expect(verdict.action).toBe('block');
    expect(verdict.qc.map((hit) => hit.ruleId)).toEqual(['agent.ask_secret']);
  });

  it('lets the opposite sentence through: telling the customer never to share the code', () => {
    expect(preSendGuard('请不要把验证码告诉任何人').action).toBe('ok');
  });

  it('warns on a rule whose action is warn, and on unmasked personal data', () => {
    expect(preSendGuard('您结婚了吗').action).toBe('warn');
    const pii = preSendGuard('我们的回访电话会打到 13812345678');
    expect(pii.action).toBe('warn');
    expect(pii.pii).toEqual(['phone']);
  });

  it('warns when a canned variable was left unfilled', () => {
    const verdict = preSendGuard('订单{{order.id}}已发货');
    expect(verdict).toMatchObject({ action: 'warn', unfilled: true });
  });

  it('lets an ordinary reply through', () => {
    expect(preSendGuard('您好，请问有什么可以帮您？')).toEqual({ action: 'ok', qc: [], pii: [], unfilled: false });
  });

  it('applies only the block rules to an internal note, which the customer never sees', () => {
    expect(preSendGuard('客户电话 13812345678，您结婚了吗', { note: true }).action).toBe('ok');
    expect(preSendGuard('请提供您的登录密码', { note: true }).action).toBe('block');
  });

  it('follows the severity of the rules it is given: a flag-only rule records, it does not stop the agent', () => {
    const rules: QcRule[] = [
      { id: 'flagged', side: 'agent', category: 'tone', label: { zh: '语气', en: 'Tone' }, patterns: ['赶紧'], severity: 'info', action: 'flag' },
      { id: 'blocked', side: 'agent', category: 'tone', label: { zh: '辱骂', en: 'Abuse' }, patterns: ['笨蛋'], severity: 'critical', action: 'block' },
    ];
    expect(preSendGuard('赶紧看一下', { rules }).action).toBe('ok');
    expect(preSendGuard('你这个笨蛋', { rules }).action).toBe('block');
  });
});
