import { BlockList, isIP } from 'node:net';

/**
 * IP addresses and CIDR ranges, IPv4 or IPv6, as a BlockList to match against: the `ips` of suppress
 * rules and the `exclude.ips` of audit rules. `reject` is called with the first item that is neither.
 */
export function ipBlockList(items: readonly string[], reject: (item: string) => never): BlockList {
  const list = new BlockList();
  for (const item of items) {
    const [address, prefix, extra] = item.split('/');
    const family = isIP(address);
    // The prefix is decimal digits only: '10.9.9.0/' would read as /0 (every address), '0x10' or '1e1' as numbers.
    if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) reject(item);
    const bits = prefix === undefined ? undefined : Number(prefix);
    if (family === 0 || extra !== undefined || (bits !== undefined && bits > (family === 6 ? 128 : 32))) reject(item);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}
