/** How the API writes JSON: one JSON-B configuration for every resource. */
package org.kameng.server.json;
