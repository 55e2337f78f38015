import type { ContactField } from '../../shared/domain/customers';
import type { Scope } from '../scope/scope';

/*
 * The single place customer contact fields are masked for a caller. Rows are always masked,
 * whatever the role: the clear value only leaves through the audited reveal route.
 * Free text is masked by maskPii (src/shared/text), which works by detection; a contact field is
 * masked by what it is, so a value the detector would not recognise (an odd address) is still
 * never sent in clear. The formats are maskPii's: 138****5678, z***@example.com, 北京市朝阳区***.
 */

const ADMIN_SUFFIX = /^.{0,12}?(?:特别行政区|自治区|自治州|自治县|省|市|区|县|旗)/u;

export function maskField(field: ContactField, value: string): string {
  switch (field) {
    case 'phone': {
      // The +86 / 0086 prefix of a mainland mobile is not part of what agents confirm.
      const digits = value.replace(/\D/g, '').replace(/^(?:00)?86(?=1\d{10}$)/, '');
      // 138****5678: enough to confirm with the customer, not enough to call them.
      return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
    }
    case 'email': {
      const at = value.lastIndexOf('@');
      return at > 0 ? `${value[0]}***${value.slice(at)}` : '***';
    }
    case 'address': {
      // Keep the administrative prefix (province / city / district), hide the street.
      let prefix = '';
      for (let rest = value, m = ADMIN_SUFFIX.exec(rest); m; m = ADMIN_SUFFIX.exec(rest)) {
        prefix += m[0];
        rest = rest.slice(m[0].length);
      }
      return `${prefix || [...value].slice(0, 2).join('')}***`;
    }
  }
}

/** A contact field as `scope` may see it in rows: masked for every role (reveal is separate). */
export function maskForCaller(field: ContactField, value: string | null, _scope: Scope): string | null {
  return value === null ? null : maskField(field, value);
}
