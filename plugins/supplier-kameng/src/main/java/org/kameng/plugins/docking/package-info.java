/**
 * The {@code supplier-kameng} connector: a shop docks to an upstream Kameng shop through the
 * upstream's reseller API (docs/docking/reseller-api.md), with the API key pair the upstream's
 * owner issued. Built against the plugin API alone; the API's signing recipe and the little JSON it
 * needs are implemented here from the documentation.
 */
package org.kameng.plugins.docking;
