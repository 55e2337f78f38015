import { describe, expect, it } from 'vitest';
import { sealBundle } from './chain';
import { CARD, PHONE, RESIDENT_ID, unsealed } from './testing';

const body = `电话 ${PHONE}，身份证 ${RESIDENT_ID}，卡号 ${CARD}`;

describe('masking in exports', () => {
  it('masks phone, resident ID and card numbers in message text and attachment names by default', () => {
    const input = unsealed(true, [body]);
    input.messages[0]!.attachments = [{ id: 'att-1', name: `${PHONE}.jpg`, mime: 'image/jpeg', size: 3, sha256: null }];
    const bundle = sealBundle(input);
    const [m] = bundle.messages;
    expect(m!.body).toBe(`电话 138****5678，身份证 110105********${RESIDENT_ID.slice(-4)}，卡号 **** **** **** ${CARD.slice(-4)}`);
    expect(m!.attachments[0]!.name).toBe('138****5678.jpg');
    expect(JSON.stringify(bundle)).not.toContain(PHONE);
  });

  it('masks the customer fields and ticket text', () => {
    const input = unsealed(true, []);
    const entry = input.conversations[0]!;
    input.conversations = [
      {
        ...entry,
        tickets: [
          {
            ticket: { id: 't-1', conversationId: 'conv-1', customerId: 'cust-1', shopId: 'shop-a', orderId: null, departmentTeamId: 'team-a', title: `回电 ${PHONE}`, description: `退款到 ${CARD}`, category: 'refund', priority: 'normal', status: 'pending', assigneeId: null, creatorId: 'u-ma', dueAt: null, createdAt: 1, updatedAt: 1, resolvedAt: null, closedAt: null },
            events: [{ id: 'te-1', ticketId: 't-1', kind: 'comment', actorId: 'u-ma', body: `证件 ${RESIDENT_ID}`, change: { type: 'comment' }, createdAt: 2 }],
          },
        ],
      },
    ];
    const [sealedEntry] = (sealBundle(input)).conversations;
    expect(sealedEntry!.customer).toMatchObject({ phone: '138****5678', email: 'o***@example.com' });
    expect(sealedEntry!.tickets[0]!.ticket).toMatchObject({ title: '回电 138****5678', description: `退款到 **** **** **** ${CARD.slice(-4)}` });
    expect(sealedEntry!.tickets[0]!.events[0]!.body).toBe(`证件 110105********${RESIDENT_ID.slice(-4)}`);
  });

  it('leaves the text clear only in a bundle marked unmasked', () => {
    const bundle = sealBundle(unsealed(false, [body]));
    expect(bundle.header.masked).toBe(false);
    expect(bundle.messages[0]!.body).toBe(body);
    expect(bundle.conversations[0]!.customer!.phone).toBe(PHONE);
  });
});
