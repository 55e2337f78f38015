import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPii, maskPii, type PiiKind } from './pii';
import { isValidBankCard, isValidResidentId, luhnCheckDigit, luhnValid, residentIdCheckChar } from './piiChecksums';

/** A resident ID with the right check character for the given first 17 digits. */
function residentId(first17: string): string {
  return first17 + residentIdCheckChar(first17)!;
}
/** A card number: payload + its Luhn digit. */
function card(payload: string): string {
  return payload + luhnCheckDigit(payload);
}
/** The same number with a wrong last character. */
function breakLast(id: string): string {
  const last = id[id.length - 1]!;
  return id.slice(0, -1) + (last === '0' ? '1' : last === 'X' ? '0' : '0');
}
const kinds = (text: string) => findPii(text).map((span) => span.kind);
const spans = (text: string) => findPii(text).map((span) => [span.kind, text.slice(span.start, span.end)]);

const ID_1990 = residentId('11010519900307123');
/** Find a birth-sequence number whose check character is X, to test the X form. */
const ID_X = (() => {
  for (let seq = 100; seq < 1000; seq += 1) {
    const id = residentId(`44030519851201${seq}`);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X check character found');
})();
const CARD_16 = card('622202123456789');
const CARD_19 = card('621700123456789012');

describe('checksums', () => {
  it('computes GB 11643 check characters (hand-verified example)', () => {
    // 11010519491231002: weighted sum 167, 167 mod 11 = 2 → 'X'.
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
  });

  it('rejects impossible birth dates and unknown province codes', () => {
    expect(isValidResidentId(residentId('11010519900230123'))).toBe(false); // 30 February
    expect(isValidResidentId(residentId('11010519901301123'))).toBe(false); // month 13
    expect(isValidResidentId(residentId('11010518500101123'))).toBe(false); // born 1850
    expect(isValidResidentId(residentId('99010519900101123'))).toBe(false); // province 99
    expect(isValidResidentId(residentId('11010520000229123'))).toBe(true); // 2000 was a leap year
  });

  it('checks Luhn (hand-verified example) and card prefixes', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(isValidBankCard('4111111111111111')).toBe(true);
    expect(isValidBankCard(CARD_16)).toBe(true);
    expect(isValidBankCard(breakLast(CARD_16))).toBe(false);
    // Passes Luhn but starts like an order id (a date): not a card.
    expect(isValidBankCard(card('202501011234567'))).toBe(false);
  });
});

describe('findPii: phones', () => {
  it('finds mainland mobiles in the written forms customers use', () => {
    for (const phone of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 13812345678', '+86-138-1234-5678', '8613812345678', '0086 13812345678', '１３８１２３４５６７８']) {
      expect(spans(`号码${phone}。`)).toEqual([['phone', phone]]);
    }
  });

  it('finds a phone glued to Chinese characters', () => {
    expect(spans('电话13812345678谢谢')).toEqual([['phone', '13812345678']]);
  });

  it('ignores numbers that are not mobiles or sit in longer runs', () => {
    for (const text of ['12812345678', '1381234567', '138123456789', '12345678901234567890', 'DD13812345678', '13812345678A', '订单号2138123456789']) {
      expect(kinds(text)).toEqual([]);
    }
  });
});

describe('findPii: resident IDs', () => {
  it('finds valid 18-character IDs, with X in either case and in 6-8-4 groups', () => {
    expect(spans(`身份证${ID_1990}`)).toEqual([['id_card', ID_1990]]);
    expect(spans(`身份证号${ID_X}谢谢`)).toEqual([['id_card', ID_X]]);
    expect(spans(`身份证号${ID_X.toLowerCase()}`)).toEqual([['id_card', ID_X.toLowerCase()]]);
    const grouped = `${ID_1990.slice(0, 6)} ${ID_1990.slice(6, 14)} ${ID_1990.slice(14)}`;
    expect(spans(grouped)).toEqual([['id_card', grouped]]);
  });

  it('does not treat 18 digits with a wrong check digit, or longer runs, as an ID', () => {
    expect(kinds(breakLast(ID_1990))).not.toContain('id_card');
    expect(kinds(`${ID_1990}5`)).toEqual([]);
    expect(kinds(`9${ID_1990}`)).toEqual([]);
  });
});

describe('findPii: bank cards', () => {
  it('finds Luhn-valid cards of 16 and 19 digits, plain or grouped', () => {
    expect(spans(`卡号${CARD_16}`)).toEqual([['bank_card', CARD_16]]);
    expect(spans(`卡号${CARD_19}。`)).toEqual([['bank_card', CARD_19]]);
    const grouped = CARD_16.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(spans(`card ${grouped}`)).toEqual([['bank_card', grouped]]);
    const dashed = CARD_19.replace(/(\d{4})(?=\d)/g, '$1-');
    expect(spans(dashed)).toEqual([['bank_card', dashed]]);
  });

  it('does not treat a 16-digit number failing Luhn, or a 20-digit run, as a card', () => {
    expect(kinds(breakLast(CARD_16))).toEqual([]);
    expect(kinds(`${CARD_19}0`)).toEqual([]);
  });
});

describe('findPii: e-mail', () => {
  it('finds addresses next to Chinese text', () => {
    expect(spans('我的邮箱是zhang.san+cs@mail.example.com.cn谢谢')).toEqual([['email', 'zhang.san+cs@mail.example.com.cn']]);
  });

  it('prefers the e-mail over the phone number inside it', () => {
    expect(kinds('13812345678@qq.com')).toEqual(['email']);
  });

  it('ignores things that only look like e-mail', () => {
    expect(kinds('foo@bar, @example.com, a@b.c')).toEqual([]);
  });
});

describe('findPii: addresses', () => {
  it('finds addresses with a road and house number, or a building chain', () => {
    expect(spans('地址：北京市朝阳区建国路88号3栋2单元501室')).toEqual([['address', '北京市朝阳区建国路88号3栋2单元501室']]);
    expect(spans('我住在上海市浦东新区世纪大道100号')).toEqual([['address', '上海市浦东新区世纪大道100号']]);
    expect(spans('寄到广东省深圳市南山区粤海街道科技园路1号A座1201室，谢谢')).toEqual([['address', '广东省深圳市南山区粤海街道科技园路1号A座1201室']]);
    expect(spans('朝阳区望京花园3栋2单元501室')).toEqual([['address', '朝阳区望京花园3栋2单元501室']]);
    expect(spans('淮海中路123弄4号')).toEqual([['address', '淮海中路123弄4号']]);
  });

  it('leaves ordinary sentences alone', () => {
    for (const text of ['我在路上', '三号', '3号线', '中山路', '我明天3号到', '我在3楼', '下单了3件', '一路顺风', '订单里3号的那件', '路过3号门口', '坐108路公交']) {
      expect(kinds(text)).toEqual([]);
    }
  });
});

describe('maskPii', () => {
  it('keeps what an agent needs to confirm with the customer', () => {
    expect(maskPii('电话13812345678谢谢')).toBe('电话138****5678谢谢');
    expect(maskPii('+86 138-1234-5678')).toBe('+86 138****5678');
    expect(maskPii(`身份证${ID_X}`)).toBe(`身份证${ID_X.slice(0, 6)}********${ID_X.slice(-4)}`);
    expect(maskPii(`卡号${CARD_19}`)).toBe(`卡号**** **** **** ${CARD_19.slice(-4)}`);
    expect(maskPii('邮箱zhang@example.com')).toBe('邮箱z***@example.com');
    expect(maskPii('地址：北京市朝阳区建国路88号3栋2单元501室')).toBe('地址：北京市朝阳区***');
    expect(maskPii('我家3栋2单元501室')).toBe('我家***');
  });

  it('masks every span in mixed text', () => {
    const text = `您好，手机13812345678，身份证${ID_1990}，卡${CARD_16}，邮箱li@example.com，寄到浙江省杭州市余杭区文一西路969号。`;
    expect(kinds(text)).toEqual(['phone', 'id_card', 'bank_card', 'email', 'address']);
    expect(maskPii(text)).toBe(
      `您好，手机138****5678，身份证${ID_1990.slice(0, 6)}********${ID_1990.slice(-4)}，卡**** **** **** ${CARD_16.slice(-4)}，邮箱l***@example.com，寄到浙江省杭州市余杭区***。`,
    );
  });

  it('leaves revealed kinds visible', () => {
    const text = `手机13812345678，卡${CARD_16}`;
    expect(maskPii(text, { reveal: ['phone'] })).toBe(`手机13812345678，卡**** **** **** ${CARD_16.slice(-4)}`);
    expect(maskPii(text, { reveal: ['phone', 'bank_card'] })).toBe(text);
  });

  it('leaves text without personal data untouched', () => {
    const text = '订单DD20250101123456已发货，运单号SF1234567890123，金额￥199.00';
    expect(maskPii(text)).toBe(text);
  });
});

// ------------------------------------------------------------------ properties

interface Piece {
  text: string;
  kind: PiiKind | null;
  /** Digits that may stay visible after masking. */
  kept: string;
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

const phonePiece = fc
  .tuple(fc.integer({ min: 3, max: 9 }), digits(9), fc.constantFrom('', '+86 ', '86', '0086-'), fc.constantFrom('', ' ', '-'))
  .map(([second, rest, prefix, sep]): Piece => {
    const number = `1${second}${rest}`;
    const written = `${prefix}${number.slice(0, 3)}${sep}${number.slice(3, 7)}${sep}${number.slice(7)}`;
    return { text: written, kind: 'phone', kept: prefix.replace(/\D/g, '') + number.slice(0, 3) + number.slice(7) };
  });

const idPiece = fc
  .tuple(fc.constantFrom('110105', '310115', '440305', '510104', '650102'), fc.date({ min: new Date('1940-01-01'), max: new Date('2015-12-31'), noInvalidDate: true }), digits(3))
  .map(([area, birth, seq]): Piece => {
    const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
    const id = residentId(`${area}${ymd}${seq}`);
    return { text: id, kind: 'id_card', kept: id.slice(0, 6) + id.slice(-4).replace(/\D/g, '') };
  });

const cardPiece = fc.tuple(fc.constantFrom(13, 14, 16), fc.boolean()).chain(([payloadLength, grouped]) =>
  digits(payloadLength).map((rest): Piece => {
    const number = card(`62${rest}`);
    const text = grouped ? number.replace(/(\d{4})(?=\d)/g, '$1 ') : number;
    return { text, kind: 'bank_card', kept: number.slice(-4) };
  }),
);

const emailPiece = fc
  .tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.constantFrom('example.com', 'mail.example.cn', 'qq.com'))
  .map(([local, domain]): Piece => ({ text: `${local}@${domain}`, kind: 'email', kept: '' }));

const fillerPiece = fc
  .array(fc.constantFrom('您好', '，', '电话', '谢谢', '请核对', '。', '的', ' '), { minLength: 1, maxLength: 4 })
  .map((parts): Piece => ({ text: `，${parts.join('')}`, kind: null, kept: '' }));

const message = fc.array(fc.tuple(fillerPiece, fc.oneof(phonePiece, idPiece, cardPiece, emailPiece)), { minLength: 1, maxLength: 5 });

describe('maskPii properties', () => {
  it('finds every generated span, hides all digits but the kept ones, and is idempotent', () => {
    fc.assert(
      fc.property(message, (pairs) => {
        const pieces = pairs.flat();
        const text = pieces.map((piece) => piece.text).join('');
        expect(kinds(text)).toEqual(pieces.filter((piece) => piece.kind !== null).map((piece) => piece.kind));
        const masked = maskPii(text);
        expect(masked.replace(/\D/g, '')).toBe(pieces.map((piece) => piece.kept).join(''));
        expect(maskPii(masked)).toBe(masked);
        expect(findPii(masked)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and always returns spans inside the text, in order, without overlap', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '3', '8', '6', ' ', '-', '+', 'X', '@', 'a', '.', '路', '号', '市', '区', '栋', '室', '单元') }), (text) => {
        let last = 0;
        for (const span of findPii(text)) {
          expect(span.start).toBeGreaterThanOrEqual(last);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(text.length);
          last = span.end;
        }
        expect(maskPii(maskPii(text))).toBe(maskPii(text));
      }),
      { numRuns: 500 },
    );
  });

  it('stays fast on adversarial input', () => {
    const text = `${'市'.repeat(5_000)}路1号${'1 '.repeat(5_000)}${'a.'.repeat(5_000)}@`;
    const started = Date.now();
    findPii(text);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
