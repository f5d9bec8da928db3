import { client, call } from '../api/client';
import { t } from '../i18n';
import { useLoad } from '../ui/load';
import { formatMinor, formatTime, Loading } from '../ui/parts';

/** The shop's ledger balances and its audit log: for the owner (the server refuses staff). */
export function Books(props: { slug: string }) {
  const path = { slug: props.slug };
  const ledger = useLoad(() => call(client.GET('/api/shops/{slug}/ledger', { params: { path } })), [props.slug]);
  const audit = useLoad(() => call(client.GET('/api/shops/{slug}/audit', { params: { path, query: { limit: 100 } } })), [props.slug]);
  return (
    <section>
      <h2>{t('nav.books')}</h2>
      <article>
        <header>{t('books.balances')}</header>
        <Loading loaded={ledger}>
          {(rows) =>
            rows.length === 0 ? (
              <p class="muted">{t('books.noEntries')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>{t('books.account')}</th>
                    <th>{t('tenants.currency')}</th>
                    <th class="num">{t('books.balance')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((b) => (
                    <tr>
                      <td>{t(`account.${b.account ?? 'TENANT_REVENUE'}`)}</td>
                      <td>{b.currency}</td>
                      <td class="num">{formatMinor(b.minorUnits ?? 0, b.currency ?? 'CNY')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loading>
        <small class="muted">{t('books.doubleEntry')}</small>
      </article>
      <article>
        <header>{t('nav.audit')}</header>
        <Loading loaded={audit}>
          {(rows) =>
            rows.length === 0 ? (
              <p class="muted">{t('audit.none')}</p>
            ) : (
              <table class="striped">
                <thead>
                  <tr>
                    <th>{t('audit.at')}</th>
                    <th>{t('audit.actor')}</th>
                    <th>{t('audit.action')}</th>
                    <th>{t('audit.target')}</th>
                    <th>{t('audit.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr>
                      <td>{formatTime(r.at)}</td>
                      <td>{r.actor}</td>
                      <td>
                        <code>{r.action}</code>
                      </td>
                      <td>{r.subject}</td>
                      <td>
                        <small>{r.detail}</small>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loading>
      </article>
    </section>
  );
}
