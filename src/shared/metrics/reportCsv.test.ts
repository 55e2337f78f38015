import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../api/monitor';
import { reportCsv } from './reportCsv';

const row = (over: Partial<ReportRow>): ReportRow => ({
  key: 'k', name: 'n', conversations: 1, pickup30Rate: null, avgReplyIntervalMs: null, avgFirstResponseMs: null, avgResolutionMs: null,
  qcPassRate: null, escalationRate: null, csatAvg: null, csatCount: 0, appealRate: null, ...over,
});

describe('reportCsv', () => {
  it('starts with a BOM, quotes commas and quotes, leaves null figures empty and defuses formulas', () => {
    const csv = reportCsv([row({ key: 't1', name: '售后组, "一"', pickup30Rate: 2 / 3 }), row({ key: 't2', name: '=HYPERLINK("x")' })]);
    expect(csv.startsWith('\ufeffkey,name,conversations,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('t1,"售后组, ""一""",1,0.6667,,,,,,,0,');
    expect(lines[2]).toBe(`t2,"'=HYPERLINK(""x"")",1,,,,,,,,0,`);
    expect(lines[3]).toBe('');
  });
});
