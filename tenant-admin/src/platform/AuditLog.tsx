import { client, call } from '../api/client';
import { t } from '../i18n';
import { useLoad } from '../ui/load';
import { formatTime, Loading } from '../ui/parts';

export function AuditLog() {
  const loaded = useLoad(() => call(client.GET('/api/platform/audit', { params: { query: { limit: 200 } } })), []);
  return (
    <section>
      <h2>{t('nav.audit')}</h2>
      <Loading loaded={loaded}>
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
                    <td>{r.target}</td>
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
    </section>
  );
}
