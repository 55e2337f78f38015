/**
 * Check digits that tell a real resident ID or bank card number from any other long number
 * (order ids, tracking numbers, timestamps). Without them every 18-digit order id would be
 * masked as an ID card, and agents could no longer read order ids back to customers.
 */

/** GB 11643-1999 weights for the first 17 digits of a resident ID number. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for (weighted sum mod 11) = 0, 1, 2, … 10. */
const ID_CHECK_CHARS = '10X98765432';

/**
 * Province-level codes that begin a resident ID (the first two digits of the address code),
 * including 71/81/82 and 83 used on residence permits for Taiwan, Hong Kong and Macao residents.
 */
const ID_PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64,
  65, 71, 81, 82, 83,
]);

/** The check character for the first 17 digits of a resident ID, or null if they are not 17 digits. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

function isPlausibleBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  // A fixed window keeps this function pure (no clock); 1900–2099 covers every living holder.
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * True for an 18-character resident ID number (GB 11643): a known province code, a real birth
 * date in digits 7–14, and the right check character (X in either case).
 */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!ID_PROVINCE_CODES.has(Number(id.slice(0, 2)))) return false;
  if (!isPlausibleBirthDate(id.slice(6, 14))) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}

/** Luhn (mod 10) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that makes `payload + digit` pass Luhn. */
export function luhnCheckDigit(payload: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(payload + String(d))) return String(d);
  throw new Error(`not a digit string: ${payload}`);
}

/**
 * True for 16–19 digits that pass Luhn and start like a payment card: 3 (JCB/Amex range), 4
 * (Visa), 5 (Mastercard), 6 (UnionPay 62…, Discover), 9 (some domestic debit cards) or
 * 2221–2720 (Mastercard 2-series). The prefix rule matters: one random number in ten passes Luhn,
 * and long order ids usually start with 1 or 2 (a timestamp or year), so without it about a
 * tenth of all 16–19 digit order ids would be masked as cards.
 */
export function isValidBankCard(digits: string): boolean {
  if (!/^\d{16,19}$/.test(digits)) return false;
  const first = digits[0]!;
  const first4 = Number(digits.slice(0, 4));
  const plausiblePrefix = '34569'.includes(first) || (first4 >= 2221 && first4 <= 2720);
  return plausiblePrefix && luhnValid(digits);
}
