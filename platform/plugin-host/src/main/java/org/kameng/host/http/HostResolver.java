package org.kameng.host.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into every address it has. The guarded client resolves names itself, through
 * this interface, so that it checks all the addresses a name has and then connects to one it
 * checked; tests substitute a resolver that answers from a table and never touches DNS.
 */
@FunctionalInterface
public interface HostResolver {

  /**
   * Every address of a name.
   *
   * @param host a host name, lower case, never an address literal
   * @return at least one address
   * @throws UnknownHostException if the name has no address
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The JVM's resolver ({@link InetAddress#getAllByName}), with its positive cache. */
  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
