import { describe, expect, it } from 'vitest';
import { DEFAULT_QC_RULES } from './qcDefaultRules';
import { containsUnmaskedPii, evaluateQc, qcRuleSchema, strictestAction, type QcRule } from './qcRules';

const agentRules = (text: string) => evaluateQc(text, 'agent').map((hit) => hit.ruleId);
const customerRules = (text: string) => evaluateQc(text, 'customer').map((hit) => hit.ruleId);

describe('default rule set', () => {
  it('is valid data with unique ids and compilable patterns', () => {
    const ids = new Set<string>();
    for (const rule of DEFAULT_QC_RULES) {
      expect(qcRuleSchema.parse(rule)).toEqual(rule);
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      for (const pattern of rule.patterns) expect(() => new RegExp(pattern, 'giu')).not.toThrow();
    }
  });
});

describe('customer-side keywords', () => {
  it('flags escalation words in Chinese and English', () => {
    expect(customerRules('你们就是骗子，这是诈骗')).toEqual(['customer.fraud', 'customer.fraud']);
    expect(customerRules('收到的是假货')).toEqual(['customer.counterfeit']);
    expect(customerRules('我要投诉你们，再不处理我就打12315')).toEqual(['customer.complaint', 'customer.complaint']);
    expect(customerRules('我要报警，还要找律师，把你们曝光')).toEqual(['customer.legal', 'customer.legal', 'customer.media']);
    expect(customerRules('This is a SCAM and the bag is FAKE, I will file a complaint')).toEqual(['customer.fraud', 'customer.counterfeit', 'customer.complaint']);
  });

  it('flags 举报 and 曝光 when the customer threatens the shop or the centre', () => {
    for (const text of ['我要举报你们', '再不退款就举报商家', '我会举报', '我一定要举报这家店']) {
      expect(evaluateQc(text, 'customer').map((hit) => [hit.ruleId, hit.match]), text).toEqual([['customer.complaint', '举报']]);
    }
    expect(customerRules('我要向市场监管局举报')).toEqual(['customer.complaint', 'customer.complaint']);
    for (const text of ['我要曝光你们', '去网上曝光这家店', '把你们的事情曝光', '不处理我就曝光客服', '我要曝光']) {
      expect(customerRules(text), text).toEqual(['customer.media']);
    }
  });

  it('does not flag the app\'s report feature or photo and note exposure', () => {
    for (const text of [
      '怎么举报违规笔记',
      '举报按钮在哪里',
      '我要举报一条违规评论',
      '我举报的用户处理了吗',
      '举报进度怎么查',
      '照片曝光怎么调',
      '这张图曝光过度了',
      '笔记曝光量很低怎么办',
      '把照片曝光调高一点',
      '我要曝光多一点的推广',
    ]) {
      expect(customerRules(text), text).toEqual([]);
    }
  });

  it('reports offsets and the text as written', () => {
    const text = '我要ＴＯＵ，不，我要投 诉';
    const [hit] = evaluateQc(text, 'customer');
    expect(hit).toMatchObject({ ruleId: 'customer.complaint', match: '投 诉', start: 10, end: 13, action: 'flag' });
  });

  it('does not fire on ordinary customer messages or on the wrong side', () => {
    for (const text of ['订单号123156什么时候发货', '这个是正品吗？', '我想问一下运费', 'Is this the original packaging?']) expect(customerRules(text)).toEqual([]);
    expect(agentRules('我要投诉')).toEqual([]);
  });
});

describe('agent-side violations', () => {
  it('blocks asking for passwords and verification codes', () => {
    for (const text of ['请提供您的密码', '请把验证码发给我', '麻烦告诉我您的支付密码', '密 码告诉我一下', 'Please share your password', "What's your OTP?", '请把短信里的验证码报一下']) {
      expect(agentRules(text)).toEqual(['agent.ask_secret']);
    }
  });

  it('does not fire on warnings or on unrelated mentions of passwords', () => {
    for (const text of [
      '请不要向任何人透露密码',
      '请不要把验证码告诉别人',
      '验证码不要发给任何人，包括客服',
      '我们不会向您索要密码',
      '我们的密码学课程',
      '您可以在设置里修改登录密码',
      '验证码已发送到您的手机，请在页面上输入',
      'Never share your password with anyone.',
      "We will not ask for your verification code.",
    ]) {
      expect(agentRules(text)).toEqual([]);
    }
  });

  it('blocks asking for full ID or card numbers but allows the last digits', () => {
    expect(agentRules('请提供您完整的身份证号码')).toEqual(['agent.ask_full_id']);
    expect(agentRules('请把完整的银行卡号发给我')).toEqual(['agent.ask_full_id']);
    expect(agentRules('请提供您完整的ＩＤ号')).toEqual(['agent.ask_full_id']);
    expect(agentRules('Please send me your full card number')).toEqual(['agent.ask_full_id']);
    expect(agentRules('请提供身份证后四位核实身份')).toEqual([]);
    expect(agentRules('请提供银行卡尾号')).toEqual([]);
  });

  it('flags unrelated private questions and moving off the platform', () => {
    expect(agentRules('您结婚了吗')).toEqual(['agent.ask_private']);
    expect(agentRules('加我微信私下转账更快')).toEqual(['agent.off_platform', 'agent.off_platform']);
    expect(agentRules('请勿添加陌生人微信')).toEqual([]);
  });

  it('flags leaking internal information and screenshots', () => {
    expect(agentRules('我给您发一张后台截图')).toEqual(['agent.leak_screenshot']);
    expect(agentRules('内部文件说这批货有问题')).toEqual(['agent.leak_internal']);
    expect(agentRules('我们不能提供后台截图')).toEqual([]);
    expect(agentRules('系统显示您的订单已发货')).toEqual([]);
  });

  it('flags rushing, rudeness and blaming', () => {
    expect(agentRules('快点说，我很忙')).toEqual(['agent.rushing', 'agent.rushing']);
    expect(agentRules('别问了')).toEqual(['agent.rushing']);
    expect(agentRules('你是不是傻')).toEqual(['agent.rude']);
    expect(agentRules('爱买不买')).toEqual(['agent.rude']);
    expect(agentRules('Shut up and listen')).toEqual(['agent.rude']);
    expect(agentRules('这不是我们的问题，你自己去找快递')).toEqual(['agent.blame', 'agent.blame']);
    expect(agentRules("That's not our problem")).toEqual(['agent.blame']);
  });

  it('stays quiet on normal, polite replies', () => {
    for (const text of [
      '您好，很高兴为您服务，请问有什么可以帮您？',
      '我们会尽快为您处理，请稍等',
      '这边帮您联系快递核实一下',
      '页面可以上下滚动查看',
      '目前店里没空位了，建议您预约',
      '我们和快递公司的关系很好，会尽快催件',
      '这不是您的问题，我们来处理',
      'Thank you for waiting, I will check with the courier for you.',
    ]) {
      expect(agentRules(text)).toEqual([]);
    }
  });

  it('summarises the strictest action', () => {
    expect(strictestAction(evaluateQc('快点说，请提供您的密码', 'agent'))).toBe('block');
    expect(strictestAction(evaluateQc('快点说', 'agent'))).toBe('warn');
    expect(strictestAction(evaluateQc('投诉', 'customer'))).toBe('flag');
    expect(strictestAction([])).toBeNull();
  });
});

describe('custom rules', () => {
  it('accepts plain substrings and treats a broken regex source as a literal', () => {
    const rules: QcRule[] = [
      { id: 'x.literal', side: 'agent', category: 'test', label: { zh: '测试', en: 'test' }, patterns: ['(未闭合'], severity: 'info', action: 'flag' },
      { id: 'x.word', side: 'agent', category: 'test', label: { zh: '测试', en: 'test' }, patterns: ['Refund'], severity: 'info', action: 'flag' },
    ];
    expect(evaluateQc('这里有(未闭合的括号, REFUND', 'agent', rules).map((hit) => hit.match)).toEqual(['(未闭合', 'REFUND']);
  });
});

describe('containsUnmaskedPii', () => {
  it('detects personal data the composer should warn about', () => {
    expect(containsUnmaskedPii('您的手机号13812345678对吗')).toBe(true);
    expect(containsUnmaskedPii('您的手机号138****5678对吗')).toBe(false);
    expect(containsUnmaskedPii('邮箱z***@example.com')).toBe(false);
    expect(containsUnmaskedPii('寄到北京市朝阳区建国路88号', ['phone'])).toBe(false);
    expect(containsUnmaskedPii('寄到北京市朝阳区建国路88号', ['address'])).toBe(true);
  });
});
