/**
 * HTTP as plugins see it: {@link org.kameng.plugin.api.http.OutboundHttp}, the host's guarded
 * client that is a plugin's only way out, and {@link org.kameng.plugin.api.http.InboundRequest} /
 * {@link org.kameng.plugin.api.http.InboundReply} for what providers and upstreams send to the host
 * (notifies, callbacks) and what the host answers them.
 */
package org.kameng.plugin.api.http;
