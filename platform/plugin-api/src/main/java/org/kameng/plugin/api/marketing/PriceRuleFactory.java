package org.kameng.plugin.api.marketing;

import org.kameng.plugin.api.extension.ExtensionFactory;

/**
 * The extension point for pricing rules: one factory per plugin, creating a {@link PriceRule} per
 * tenant configuration. Its id starts with {@code marketing-}. See {@link ExtensionFactory} for the
 * lifecycle, threads and failures.
 */
public interface PriceRuleFactory extends ExtensionFactory<PriceRule> {}
