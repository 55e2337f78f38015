import { describe, expect, it } from 'vitest';
import { isAcknowledgement, isGreeting, isNegativeFeedback } from './feedback';

describe('isNegativeFeedback', () => {
  it.each(['没用', '没用啊！', '问题没解决', '你这答非所问', '不对', '不是这个问题', '还是不行', '一点用都没有', 'not helpful', 'That did not help', 'useless', 'Nope', "that's not what I asked"])(
    '%s → the answer did not help',
    (text) => {
      expect(isNegativeFeedback(text)).toBe(true);
    },
  );

  it.each(['退款金额不对怎么办', '优惠券没用就过期了', '收到的颜色不是我要的', '是不是这个原因导致退款失败', '一点都没有收到货', 'my coupon does not work', 'the seller didn\'t answer'])(
    '%s → a question, not feedback',
    (text) => {
      expect(isNegativeFeedback(text)).toBe(false);
    },
  );
});

describe('isAcknowledgement and isGreeting', () => {
  it.each(['谢谢', '好的，谢谢您', '明白了！', '解决了', 'Thanks!', 'ok, got it', 'ＯＫ'])('%s → thanks', (text) => {
    expect(isAcknowledgement(text)).toBe(true);
  });
  it.each(['好了吗？', '好的，怎么修改密码', '谢谢，但是还是没解决', '了', ''])('%s → not just thanks', (text) => {
    expect(isAcknowledgement(text)).toBe(false);
  });
  it.each(['你好', '您好！', '在吗', 'hello', 'Hi there', '客服你好'])('%s → greeting', (text) => {
    expect(isGreeting(text)).toBe(true);
  });
  it.each(['你好，退款多久到账', 'hello, my refund', '客服', ''])('%s → not just a greeting', (text) => {
    expect(isGreeting(text)).toBe(false);
  });
});
