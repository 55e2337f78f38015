import { describe, expect, it } from 'vitest';
import { cannedContext, fillCannedVariables, hasUnfilledVariable } from './cannedVariables';

describe('canned reply variables', () => {
  const context = { customerName: '王小明', orderId: 'o-1001', agentName: '李小满' };

  it('fills the customer, order and agent, every occurrence, spaces inside the braces allowed', () => {
    expect(fillCannedVariables('您好{{customer.name}}，我是{{agent.name}}。订单{{ order.id }}已加急，{{customer.name}}请留意。', context)).toBe(
      '您好王小明，我是李小满。订单o-1001已加急，王小明请留意。',
    );
  });

  it('leaves a variable the conversation has no value for, so the guard can warn about it', () => {
    const text = fillCannedVariables('订单{{order.id}}已发货', { ...context, orderId: null });
    expect(text).toBe('订单{{order.id}}已发货');
    expect(hasUnfilledVariable(text)).toBe(true);
    expect(hasUnfilledVariable('订单o-1001已发货')).toBe(false);
  });

  it('leaves unknown placeholders and text that only looks like one alone', () => {
    expect(fillCannedVariables('{{customer.phone}} {customer.name}', context)).toBe('{{customer.phone}} {customer.name}');
  });

  it('takes the values from the conversation summary and the signed-in agent', () => {
    expect(cannedContext({ customer: { id: 'c1', name: '赵一', level: 'VIP' }, orderId: null }, '李小满')).toEqual({ customerName: '赵一', orderId: null, agentName: '李小满' });
    expect(cannedContext({ customer: null, orderId: 'o-9' }, 'A').customerName).toBeNull();
  });
});
