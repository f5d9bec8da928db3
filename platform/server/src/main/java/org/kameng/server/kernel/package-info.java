/**
 * Wires the kernel into the server: the kernel's classes are plain Java, constructed here once with
 * the kernel data source and the master key, and injected wherever the server needs them.
 */
package org.kameng.server.kernel;
