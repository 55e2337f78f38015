import { AFTERSALES } from './aftersales';
import { COUPON } from './coupon';
import { EARNINGS } from './earnings';
import { LOGIN } from './login';
import { LOGISTICS } from './logistics';
import { MEMBERSHIP } from './membership';
import { MERCHANT } from './merchant';
import { PAYMENT } from './payment';
import { PRIVACY } from './privacy';
import { PROMOTE } from './promote';
import { PUBLISH } from './publish';
import { REALNAME } from './realname';
import { REFUND } from './refund';
import { REPORT } from './report';
import { RETURNS } from './returns';
import { REVIEW } from './review';
import { SECURITY } from './security';
import type { TopicSpec } from './types';

export { BEAUTY_KB, OUTDOOR_KB, SHOP_CATEGORIES } from './shops';
export type { ArticleSpec, ShopTopicSpec, TopicSpec } from './types';

/** The platform's KB topics, in the order their articles are numbered. */
export const PLATFORM_TOPICS: TopicSpec[] = [
  LOGIN,
  SECURITY,
  REALNAME,
  PUBLISH,
  REVIEW,
  PROMOTE,
  REPORT,
  PRIVACY,
  REFUND,
  RETURNS,
  LOGISTICS,
  AFTERSALES,
  PAYMENT,
  COUPON,
  MEMBERSHIP,
  EARNINGS,
  MERCHANT,
];

/** Categories of platform articles, conversations and tickets. */
export const KB_CATEGORIES: string[] = PLATFORM_TOPICS.map((t) => t.category);
