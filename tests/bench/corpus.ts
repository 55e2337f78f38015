import { mulberry32 } from '../../src/server/demo/data/random';

/*
 * A deterministic contact-centre corpus for the benchmarks: Chinese customer-service sentences
 * with some English words and order ids mixed in, from a seeded generator so runs compare.
 */

const PHRASES = [
  '我要申请退款', '退款什么时候到账', '订单还没有发货', '快递显示已签收但是没收到', '忘记密码了怎么找回', '账号被封了我要申诉',
  '优惠券无法使用', '商品和描述不符', '衣服尺码偏小想换货', '请帮我查一下物流', '这个是正品吗', '发票怎么开', '运费险怎么理赔',
  '会员积分可以抵扣吗', '客服一直不回复', '包裹在派送中请耐心等待', '已经为您提交售后申请', '请提供一下订单号', '非常抱歉给您带来不便',
  '我们会尽快处理', '请问还有其他问题吗', '收货地址填错了', '能不能帮我改一下地址', '质量太差了我要投诉', '商品有划痕可以退吗',
];
const WORDS = ['refund', 'order', 'password', 'delivery', 'invoice', 'coupon', 'account', 'VIP', 'tracking', 'exchange', 'iPhone15', 'warranty'];

/** A seeded generator of floats in [0, 1), the demo data's own. */
export const seeded = mulberry32;

export function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const parts = [pick(PHRASES)];
  if (random() < 0.5) parts.push(pick(PHRASES));
  if (random() < 0.3) parts.push(pick(WORDS));
  if (random() < 0.1) parts.push(`DD2025${String(Math.floor(random() * 1e8)).padStart(8, '0')}`);
  return parts.join(random() < 0.5 ? '，' : ' ');
}

/** Queries of every kind the issue names: 1-4 character Chinese and English words. */
export const QUERIES = {
  cjk1: ['退', '款', '货', '码', '诉'],
  cjk2: ['退款', '密码', '发货', '快递', '投诉'],
  cjk3: ['优惠券', '运费险', '申请退', '没收到', '正品吗'],
  cjk4: ['申请退款', '忘记密码', '物流信息', '售后申请', '收货地址'],
  english: ['refund', 'order', 'password', 'delivery', 'iphone'],
};

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}
