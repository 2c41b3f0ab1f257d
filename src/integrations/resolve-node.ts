// Host name resolution on Node for the outbound URL check: every address the system resolver returns (A and AAAA,
// /etc/hosts included), as the connection itself would use. Workers have no equivalent (see README).
import { lookup } from 'node:dns/promises';
import type { HostResolver } from './outbound-url.js';

export const nodeResolver: HostResolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
