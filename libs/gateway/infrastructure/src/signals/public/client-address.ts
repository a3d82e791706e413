import { BlockList, isIP } from 'node:net';

/**
 * `KAPOCS_TRUSTED_PROXIES`: comma-separated addresses or CIDRs of the reverse proxies in front of the gateway. Only
 * when the connection comes from one of them is `X-Forwarded-For` believed, and then its right-most address that is
 * not itself a trusted proxy: everything left of that could be written by the client.
 */
export function trustedProxies(spec: string | undefined): BlockList {
  const list = new BlockList();
  for (const item of (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address = '', prefix] = item.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (isIP(address) === 0) throw new Error(`KAPOCS_TRUSTED_PROXIES: not an address: ${item}`);
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

const plain = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
const trusted = (list: BlockList, address: string): boolean => isIP(address) !== 0 && list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** The client's address as far as it can be trusted. */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, proxies: BlockList): string {
  let address = plain(peer ?? 'unknown');
  if (!trusted(proxies, address)) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map((s) => plain(s.trim())).filter((s) => isIP(s) !== 0);
  while (hops.length > 0 && trusted(proxies, address)) address = hops.pop() ?? address;
  return address;
}

/** The rate-limit key: an IPv4 address, or the /64 of an IPv6 one (a home router hands out a whole /64). */
export function bucketOf(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
