/**
 * A shop's storefront theme choice and settings, stored per tenant. What a theme is (templates,
 * declared settings) belongs to the server that renders it.
 */
package org.kameng.kernel.theme;
