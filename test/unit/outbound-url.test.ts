// The outbound URL rules: which addresses count as private (IPv4 special-purpose blocks, IPv6 loopback, unique-local,
// link-local, and IPv4 carried inside IPv6), and the Node resolver the check uses (the system's, /etc/hosts included).
import { describe, expect, it } from 'vitest';
import { isPrivateAddress, isPrivateHost, outboundUrlProblem } from '../../src/integrations/outbound-url.js';
import { nodeResolver } from '../../src/integrations/resolve-node.js';

describe('private addresses', () => {
  it.each([
    '127.0.0.1', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
    '198.18.0.1', '::1', '::', 'fd12:3456::1', 'fe80::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', '2002:c0a8:101::1',
  ])('%s is private', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::6810:84e5', '::ffff:93.184.215.14', '64:ff9b::808:808'])('%s is public', (ip) =>
    expect(isPrivateAddress(ip)).toBe(false),
  );

  it('judges hosts by name and bracketed literal too', () => {
    expect(isPrivateHost('localhost.')).toBe(true);
    expect(isPrivateHost('[::1]')).toBe(true);
    expect(isPrivateHost(new URL('https://[::ffff:10.0.0.1]/').hostname)).toBe(true);
    expect(isPrivateHost('hooks.school.example')).toBe(false);
  });
});

describe('the Node resolver', () => {
  it('returns every address of a name, and the check refuses a name that resolves to loopback', async () => {
    const addresses = await nodeResolver('localhost');
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every(isPrivateAddress)).toBe(true);
    // `localhost` is refused by name already; a name the check cannot tell by form goes through the resolver.
    const viaHosts = (h: string) => (h === 'receiver.test-only.example' ? nodeResolver('localhost') : nodeResolver(h));
    expect(await outboundUrlProblem('https://receiver.test-only.example/hook', { allowPrivate: false, resolve: viaHosts })).toMatch(/resolves to a private or loopback address \((127\.0\.0\.1|::1)\)/);
    expect(await outboundUrlProblem('https://receiver.test-only.example/hook', { allowPrivate: true, resolve: viaHosts })).toBeNull();
  });
});
