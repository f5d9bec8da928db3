import { t } from '../i18n';

/**
 * Theme picker and theme settings wait for the storefront theme API, which is being built; this
 * route is reserved so links and navigation stay stable.
 */
export function StorefrontPlaceholder() {
  return (
    <section>
      <h2>{t('nav.storefront')}</h2>
      <article class="placeholder">
        <p>{t('storefront.pending')}</p>
      </article>
    </section>
  );
}
