package org.kameng.kernel.catalog;

/**
 * An input a buyer fills in, as entered (not yet validated).
 *
 * @param name the key in the order's inputs, matching {@code ^[a-z][a-z0-9_]{0,39}$}
 * @param label what the buyer is shown, 1 to 100 characters
 * @param pattern a Java regular expression the whole value must match, at most 200 characters; null
 *     for any value
 * @param required whether the buyer must fill it in; default true
 */
public record InputFieldDraft(String name, String label, String pattern, Boolean required) {}
