import { SHOP_BEAUTY, SHOP_OUTDOOR } from './content/org';
import {
  CITIES,
  EMAIL_WORDS,
  ESTATES,
  INTEREST_TAGS,
  NICK_ADJECTIVES,
  NICK_LATIN,
  NICK_NOUNS,
  NICK_PLACES,
  NICK_SUFFIXES,
  PHONE_PREFIXES,
  SERVICE_TAGS,
  STREETS,
} from './content/people';
import { BEAUTY_PRODUCTS, CARRIERS, OUTDOOR_PRODUCTS, type Product } from './content/products';
import type { Rng } from './random';
import type { Customer, CustomerLevel, Customers, Order, OrderItem, OrderStatus } from './schema';
import { cstDateCode, cstDayStart, DAY, HOUR, MINUTE } from './time';
import { pad, yuan } from './text';

export const CUSTOMER_COUNT = 300;

/** Hour-of-day weights (China time) for when people shop and write to support. */
export const DAY_PROFILE = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.5, 3, 6, 8, 8, 6, 6, 7, 7, 6, 5, 5, 6, 8, 8, 4, 2];

/** A random instant on the China-time day `daysBack` days before the anchor's day, following DAY_PROFILE. */
export function instantOnDay(rng: Rng, anchor: number, daysBack: number, hours: readonly number[] = DAY_PROFILE): number {
  const hour = rng.weighted(hours.map((w, h) => [h, w] as const));
  return cstDayStart(anchor) - daysBack * DAY + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
}

function nickname(rng: Rng): string {
  switch (rng.weighted([['adj', 4], ['suffix', 3], ['latin', 2], ['place', 1]] as const)) {
    case 'adj':
      return `${rng.pick(NICK_ADJECTIVES)}${rng.pick(NICK_NOUNS)}`;
    case 'suffix':
      return `${rng.pick(NICK_NOUNS)}${rng.pick(NICK_SUFFIXES)}`;
    case 'latin':
      return rng.chance(0.5) ? `${rng.pick(NICK_LATIN)}${rng.pick(NICK_NOUNS)}` : `${rng.pick(NICK_LATIN)}_${rng.int(1990, 2006)}`;
    case 'place':
      return `${rng.pick(NICK_NOUNS)}在${rng.pick(NICK_PLACES)}`;
  }
}

function address(rng: Rng): string {
  const c = rng.pick(CITIES);
  const city = c.city === c.province ? '' : c.city;
  return `${c.province}${city}${rng.pick(c.districts)}${rng.pick(STREETS)}${rng.int(1, 399)}号${rng.pick(ESTATES)}${rng.int(1, 28)}栋${rng.int(1, 4)}单元${rng.int(1, 32)}0${rng.int(1, 6)}室`;
}

function orderStatus(rng: Rng, ageDays: number): OrderStatus {
  if (ageDays < 1) return rng.weighted<OrderStatus>([['paid', 70], ['shipped', 25], ['closed', 5]]);
  if (ageDays < 3) return rng.weighted<OrderStatus>([['shipped', 55], ['paid', 15], ['delivered', 15], ['refunding', 8], ['closed', 7]]);
  if (ageDays < 10) return rng.weighted<OrderStatus>([['delivered', 55], ['shipped', 18], ['refunding', 12], ['refunded', 8], ['closed', 7]]);
  return rng.weighted<OrderStatus>([['delivered', 72], ['refunded', 14], ['refunding', 4], ['closed', 10]]);
}

function orderItems(rng: Rng, products: Product[]): OrderItem[] {
  const lines = rng.weighted([[1, 60], [2, 28], [3, 12]] as const);
  return rng.sample(products, lines).map((p) => ({
    name: `${p.name} ${rng.pick(p.variants)}`,
    qty: rng.weighted([[1, 82], [2, 15], [3, 3]] as const),
    price: yuan(p.priceFen),
  }));
}

/** ~300 customers with fake contact data, and their orders at the two shops over the ~5 months before the anchor. */
export function buildCustomers(rng: Rng, anchor: number): Customers {
  const names = new Set<string>();
  const phones = new Set<string>();
  const orderIds = new Set<string>();
  const customers: Customer[] = [];
  const orders: Order[] = [];

  for (let i = 1; i <= CUSTOMER_COUNT; i++) {
    let name = nickname(rng);
    while (names.has(name)) name = nickname(rng);
    names.add(name);

    let phone = `${rng.pick(PHONE_PREFIXES)}0000${pad(rng.int(0, 9999), 4)}`;
    while (phones.has(phone)) phone = `${rng.pick(PHONE_PREFIXES)}0000${pad(rng.int(0, 9999), 4)}`;
    phones.add(phone);

    const level = rng.weighted<CustomerLevel>([['normal', 80], ['VIP', 14], ['KOC', 6]]);
    const interests = rng.sample(INTEREST_TAGS, rng.int(1, 2));
    const tags = [...interests, ...(level === 'KOC' ? ['创作者'] : []), ...(rng.chance(0.15) ? [rng.pick(SERVICE_TAGS)] : [])];
    const createdAt = instantOnDay(rng, anchor, rng.int(3, 1400));

    const email = rng.chance(0.45) ? `${rng.pick(EMAIL_WORDS)}${rng.int(10, 9999)}@example.com` : undefined;
    const home = rng.chance(0.85) ? address(rng) : undefined;
    const customer: Customer = { id: `c-${pad(i, 4)}`, name, level, tags, phone, ...(email ? { email } : {}), ...(home ? { address: home } : {}), createdAt };
    customers.push(customer);

    // Orders: the shop follows the customer's interests; VIPs buy more.
    const likesOutdoor = interests.some((t) => t === '户外爱好者' || t === '露营' || t === '旅行' || t === '健身');
    const likesBeauty = interests.some((t) => t === '美妆爱好者' || t === '宝妈' || t === '学生党');
    const count = rng.weighted([[0, 18], [1, 25], [2, 22], [3, 15], [4, 10], [5, 6], [7, 4]] as const) + (level === 'VIP' ? rng.int(1, 3) : 0);
    const oldestDay = Math.min(150, Math.floor((anchor - createdAt) / DAY));
    for (let k = 0; k < count; k++) {
      const outdoor = likesOutdoor && !likesBeauty ? rng.chance(0.85) : likesBeauty && !likesOutdoor ? rng.chance(0.15) : rng.chance(0.45);
      const daysBack = rng.int(0, Math.max(0, oldestDay));
      let at = instantOnDay(rng, anchor, daysBack);
      if (at >= anchor - 10 * MINUTE) at = anchor - rng.int(11, 600) * MINUTE;
      if (at <= createdAt) continue;
      const items = orderItems(rng, outdoor ? OUTDOOR_PRODUCTS : BEAUTY_PRODUCTS);
      const totalFen = items.reduce((sum, it) => sum + Math.round(it.price * 100) * it.qty, 0);
      let id = `DD${cstDateCode(at)}${pad(rng.int(0, 999999), 6)}`;
      while (orderIds.has(id)) id = `DD${cstDateCode(at)}${pad(rng.int(0, 999999), 6)}`;
      orderIds.add(id);
      const status = orderStatus(rng, (anchor - at) / DAY);
      const order: Order = { id, customerId: customer.id, shopId: outdoor ? SHOP_OUTDOOR : SHOP_BEAUTY, items, total: yuan(totalFen), status, createdAt: at };
      const leftShop = status === 'shipped' || status === 'delivered' || ((status === 'refunding' || status === 'refunded') && rng.chance(0.6));
      if (leftShop) {
        const carrier = rng.pick(CARRIERS);
        order.carrier = carrier.name;
        order.trackingNo = `${carrier.prefix}${pad(rng.int(0, 99999), 5)}${pad(rng.int(0, 99999), 5)}`;
      }
      orders.push(order);
    }
  }

  orders.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return { customers, orders };
}

