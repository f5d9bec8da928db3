package org.kameng.plugin.api.supplier;

import org.kameng.plugin.api.extension.ExtensionFactory;

/**
 * The extension point for upstream suppliers: one factory per plugin, creating a {@link
 * SupplierConnector} per tenant configuration. Its id starts with {@code supplier-}. See {@link
 * ExtensionFactory} for the lifecycle, threads and failures.
 *
 * <p>Typical configuration: upstream URL ({@code URL}), account or API key ({@code STRING}), secret
 * ({@code SECRET}).
 */
public interface SupplierConnectorFactory extends ExtensionFactory<SupplierConnector> {}
