// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DEFAULT_RPC_PATH, readRpcPath, rpcSocketUrl } from './rpcAddress';

function page(content: string | null): Document {
  const doc = document.implementation.createHTMLDocument('t');
  if (content !== null) {
    const meta = doc.createElement('meta');
    meta.name = 'seatdesk-rpc';
    meta.content = content;
    doc.head.append(meta);
  }
  return doc;
}

describe('readRpcPath', () => {
  it('reads the path the host wrote into the meta tag', () => {
    expect(readRpcPath(page('/rpc?secret=XYZ'))).toBe('/rpc?secret=XYZ');
    expect(readRpcPath(page('  /rpc?secret=XYZ \n'))).toBe('/rpc?secret=XYZ');
  });

  it('falls back to /rpc when the placeholder was not filled or the tag is missing', () => {
    expect(readRpcPath(page(''))).toBe(DEFAULT_RPC_PATH);
    expect(readRpcPath(page(null))).toBe(DEFAULT_RPC_PATH);
  });

  it('refuses anything that would point the page at another host', () => {
    expect(readRpcPath(page('//evil.example/rpc'))).toBe(DEFAULT_RPC_PATH);
    expect(readRpcPath(page('wss://evil.example/rpc'))).toBe(DEFAULT_RPC_PATH);
  });
});

describe('rpcSocketUrl', () => {
  it('uses ws on http and wss on https, on the page host, with the window kind appended', () => {
    expect(rpcSocketUrl({ protocol: 'http:', host: '127.0.0.1:4780' }, '/rpc?secret=XYZ', 'workstation')).toBe(
      'ws://127.0.0.1:4780/rpc?secret=XYZ&window=workstation',
    );
    expect(rpcSocketUrl({ protocol: 'https:', host: 'desk.example' }, '/rpc?secret=XYZ', 'chat')).toBe(
      'wss://desk.example/rpc?secret=XYZ&window=chat',
    );
  });

  it('starts the query itself when the path has none, and keeps the secret byte for byte', () => {
    expect(rpcSocketUrl({ protocol: 'http:', host: 'h:1' }, '/rpc', 'settings')).toBe('ws://h:1/rpc?window=settings');
    expect(rpcSocketUrl({ protocol: 'http:', host: 'h:1' }, '/rpc?secret=a%2Bb~c', 'monitor')).toBe(
      'ws://h:1/rpc?secret=a%2Bb~c&window=monitor',
    );
  });
});
