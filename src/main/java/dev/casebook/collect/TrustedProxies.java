package dev.casebook.collect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The addresses whose forwarding headers the collector believes: IP addresses and CIDR ranges,
 * never host names (which would need a DNS look-up at start).
 */
final class TrustedProxies {
  private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
      + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
  private final InetAddressSet set = new InetAddressSet();

  TrustedProxies(Collection<String> entries) {
    for (String e : entries) {
      problem(e).ifPresent(p -> {
        throw new IllegalArgumentException("trusted_proxies: " + p);
      });
      set.add(e.strip());
    }
  }

  /** What is wrong with an entry, if anything. */
  static Optional<String> problem(String entry) {
    String s = entry.strip();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    if (literal(address).isEmpty()) {
      return Optional.of("'" + s + "' is not an IP address or CIDR range (host names are not looked up)");
    }
    if (slash >= 0) {
      int max = address.contains(":") ? 128 : 32;
      String bits = s.substring(slash + 1);
      if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
        return Optional.of("'" + s + "' has a bad prefix length; from 0 to " + max);
      }
    }
    return Optional.empty();
  }

  /** An IPv4 or IPv6 address written as digits, without any DNS look-up; empty for anything else. */
  static Optional<InetAddress> literal(String s) {
    if (s == null) return Optional.empty();
    s = s.strip();
    if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
    if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) return Optional.empty();
    try {
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  boolean contains(InetAddress address) {
    return set.test(address);
  }

  /**
   * The browser's address: from a trusted proxy, the last address in {@code forwarded} that is not
   * itself a trusted proxy (the one the nearest proxy saw; those before it are whatever the client
   * claimed); otherwise, or when the header holds no address, the connection's own.
   */
  InetAddress client(InetAddress remote, String forwarded) {
    if (forwarded == null || !contains(remote)) return remote;
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      Optional<InetAddress> hop = literal(hops[i]);
      if (hop.isEmpty()) return remote;
      if (!contains(hop.get())) return hop.get();
    }
    return remote;
  }
}
