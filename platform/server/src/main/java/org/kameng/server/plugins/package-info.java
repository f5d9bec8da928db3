/** The server's side of the plugin system: the installed plugins, loaded once at start. */
package org.kameng.server.plugins;
