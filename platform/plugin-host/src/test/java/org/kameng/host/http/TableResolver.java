package org.kameng.host.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers from a table and counts lookups; never asks DNS, since tests have no network. */
final class TableResolver implements HostResolver {

  private final Map<String, List<InetAddress>> table = new ConcurrentHashMap<>();
  final AtomicInteger lookups = new AtomicInteger();

  /** Adds a name with its addresses, given as literals. */
  TableResolver with(String name, String... literals) {
    List<InetAddress> addresses = new ArrayList<>();
    for (String literal : literals) {
      try {
        addresses.add(InetAddress.getByName(literal)); // literals only: no DNS
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(literal, e);
      }
    }
    table.put(name, List.copyOf(addresses));
    return this;
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    lookups.incrementAndGet();
    List<InetAddress> addresses = table.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    return addresses;
  }
}
