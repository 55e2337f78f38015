import { expect, it } from 'vitest';
import { maskField } from './masking';

it('masks phones to first three and last four digits', () => {
  expect(maskField('phone', '13812345678')).toBe('138****5678');
  expect(maskField('phone', '+86 138-1234-5678')).toBe('138****5678');
  expect(maskField('phone', '123')).toBe('****');
});

it('masks e-mail to the first letter and the domain', () => {
  expect(maskField('email', 'zhang.san@example.com')).toBe('z***@example.com');
  expect(maskField('email', 'not-an-email')).toBe('***');
});

it('keeps only the administrative prefix of an address', () => {
  expect(maskField('address', '浙江省杭州市西湖区文三路99号3栋201室')).toBe('浙江省杭州市西湖区***');
  expect(maskField('address', '北京市朝阳区建国路88号')).toBe('北京市朝阳区***');
  expect(maskField('address', '望京花园3栋')).toBe('望京***');
});
