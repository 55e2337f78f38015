/*
 * What the two demo shops sell. Prices are in fen (integers) so totals never drift; the builder
 * turns them into yuan. `kind` lets dialogue templates pick a question that fits the product.
 */

export type ProductKind = 'lip' | 'base' | 'eye' | 'skin' | 'tool' | 'jacket' | 'shoes' | 'tent' | 'sleep' | 'gear' | 'apparel' | 'bag';

export interface Product {
  name: string;
  priceFen: number;
  kind: ProductKind;
  /** Variants (colour, size …) appended to the name on an order line. */
  variants: string[];
}

export const BEAUTY_PRODUCTS: Product[] = [
  { name: '丝绒雾面唇釉', priceFen: 12900, kind: 'lip', variants: ['#01 豆沙粉', '#03 枫叶红', '#05 蜜桃橘', '#07 砖红'] },
  { name: '水润镜面唇釉', priceFen: 11900, kind: 'lip', variants: ['#11 玫瑰豆沙', '#12 西柚色'] },
  { name: '柔光持妆粉底液', priceFen: 26900, kind: 'base', variants: ['110 象牙白', '120 自然色', '130 小麦色'] },
  { name: '轻透遮瑕棒', priceFen: 9900, kind: 'base', variants: ['01 亮肤', '02 自然'] },
  { name: '九色大地眼影盘', priceFen: 18900, kind: 'eye', variants: ['大地色', '玫瑰色'] },
  { name: '纤长防水睫毛膏', priceFen: 8900, kind: 'eye', variants: ['黑色'] },
  { name: '氨基酸温和洁面乳 120g', priceFen: 7900, kind: 'skin', variants: ['标准装'] },
  { name: '水感清透防晒乳 SPF50+', priceFen: 15900, kind: 'skin', variants: ['50ml'] },
  { name: '植萃舒缓卸妆油 200ml', priceFen: 13900, kind: 'skin', variants: ['标准装'] },
  { name: '玻尿酸补水面膜 10片装', priceFen: 9900, kind: 'skin', variants: ['盒装'] },
  { name: '细闪高光粉饼', priceFen: 13900, kind: 'base', variants: ['香槟金', '珠光白'] },
  { name: '纤维化妆刷 8支套装', priceFen: 15900, kind: 'tool', variants: ['奶茶色'] },
];

export const OUTDOOR_PRODUCTS: Product[] = [
  { name: '三合一防水冲锋衣', priceFen: 89900, kind: 'jacket', variants: ['男款 L', '男款 XL', '女款 M', '女款 S'] },
  { name: '轻量抓绒外套', priceFen: 29900, kind: 'jacket', variants: ['灰色 M', '藏青 L', '燕麦 S'] },
  { name: '中帮防水登山鞋', priceFen: 69900, kind: 'shoes', variants: ['40码', '41码', '42码', '37码', '38码'] },
  { name: '双人铝杆帐篷', priceFen: 129900, kind: 'tent', variants: ['橄榄绿', '沙色'] },
  { name: '四季羽绒睡袋 -5℃', priceFen: 59900, kind: 'sleep', variants: ['标准款'] },
  { name: '碳纤维登山杖 两支装', priceFen: 25900, kind: 'gear', variants: ['三节外锁'] },
  { name: '户外折叠月亮椅', priceFen: 15900, kind: 'gear', variants: ['卡其色', '黑色'] },
  { name: '充电露营灯', priceFen: 12900, kind: 'gear', variants: ['暖光款'] },
  { name: '速干短袖T恤', priceFen: 9900, kind: 'apparel', variants: ['白色 M', '黑色 L', '雾蓝 S'] },
  { name: '防晒渔夫帽', priceFen: 7900, kind: 'apparel', variants: ['米白', '军绿'] },
  { name: '40L徒步双肩包', priceFen: 45900, kind: 'bag', variants: ['曜石黑', '橙色'] },
];

/** Invented parcel carriers, so no real company appears in the demo. */
export const CARRIERS: { name: string; prefix: string }[] = [
  { name: '青鸟速运', prefix: 'QN' },
  { name: '云路快递', prefix: 'YL' },
  { name: '八方物流', prefix: 'BF' },
  { name: '星驰快运', prefix: 'XC' },
];
