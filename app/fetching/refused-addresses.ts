// Which hosts and addresses a fetch refuses (safe-fetch.server.ts): anything but a public unicast address,
// in every notation (IPv4-mapped, NAT64, 6to4 forms of a private address are refused too), cloud metadata
// addresses and host names, and localhost.
import ipaddr from "ipaddr.js";

const globalUnicastV6 = ipaddr.parseCIDR("2000::/3");
const linkLocalV4 = ipaddr.parseCIDR("169.254.0.0/16");
const linkLocalV6 = ipaddr.parseCIDR("fe80::/10");
/** Cloud metadata endpoints: refused even when a test allow-list names them. */
const metadataAddresses = new Set(["169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254"]);
const metadataHostNames = new Set([
  "metadata.google.internal",
  "metadata.goog",
  "metadata",
  "instance-data",
  "instance-data.ec2.internal",
]);

function embeddedIPv4(address: ipaddr.IPv6, firstPart: number): ipaddr.IPv4 {
  const parts = address.parts;
  const high = parts[firstPart] ?? 0;
  const low = parts[firstPart + 1] ?? 0;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function isRefusedIPv4(address: ipaddr.IPv4): boolean {
  // ipaddr.js names every special-purpose block (unspecified 0/8, private, loopback, link-local, CGNAT,
  // multicast, broadcast, reserved/documentation/benchmark 198.18/15, 240/4, as112, amt): only plain
  // unicast is public.
  return address.range() !== "unicast";
}

function isRefusedIPv6(address: ipaddr.IPv6): boolean {
  const range = address.range();
  switch (range) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d
      return isRefusedIPv4(embeddedIPv4(address, 6));
    case "rfc6052": {
      // NAT64: the well-known prefix 64:ff9b::/96 carries a public IPv4 address on IPv6-only networks;
      // the local-use prefix 64:ff9b:1::/48 is refused outright.
      const [a, b, c] = address.parts;
      if (a === 0x64 && b === 0xff9b && c === 0) return isRefusedIPv4(embeddedIPv4(address, 6));
      return true;
    }
    case "6to4": // 2002:AABB:CCDD::/48 carries AA.BB.CC.DD
      return isRefusedIPv4(embeddedIPv4(address, 1));
    case "unicast":
      // ipaddr.js calls everything it has no name for "unicast", including the deprecated
      // IPv4-compatible ::a.b.c.d: only the global unicast block 2000::/3 is public.
      return !address.match(globalUnicastV6);
    default:
      return true; // loopback, unspecified, link-local, unique-local, multicast, teredo, reserved, …
  }
}

/** The address `read` parses, or null when the text is not an address. */
function readAddress(read: () => ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** True when `ip` must not be contacted: anything but a public unicast address, or not an address at all. */
export function isRefusedAddress(ip: string): boolean {
  const address = readAddress(() => ipaddr.parse(ip.trim()));
  if (!address || metadataAddresses.has(address.toString())) return true;
  return address.kind() === "ipv4" ? isRefusedIPv4(address as ipaddr.IPv4) : isRefusedIPv6(address as ipaddr.IPv6);
}

/** Link-local and metadata addresses: refused even for allow-listed test hosts. */
export function isAlwaysRefused(ip: string): boolean {
  const address = readAddress(() => ipaddr.process(ip.trim()));
  if (!address || metadataAddresses.has(address.toString())) return true;
  return address.kind() === "ipv4" ? address.match(linkLocalV4) : address.match(linkLocalV6);
}

export function hostNameWithoutDot(hostname: string): string {
  return hostname.replace(/\.+$/, "").toLowerCase();
}

export function isRefusedHostName(hostname: string): boolean {
  const name = hostNameWithoutDot(hostname);
  // RFC 6761: localhost and *.localhost are loopback whatever DNS says.
  return name === "localhost" || name.endsWith(".localhost") || metadataHostNames.has(name);
}
