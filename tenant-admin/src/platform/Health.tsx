import { client, call } from '../api/client';
import { t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, formatTime, Loading } from '../ui/parts';
import { ListTable } from '../ui/ListTable';

export function Health() {
  const backlog = useLoad(() => call(client.GET('/api/platform/jobs')), []);
  const dead = useLoad(() => call(client.GET('/api/platform/jobs/dead', { params: { query: { limit: 50 } } })), []);
  const payments = useLoad(() => call(client.GET('/api/platform/health/payments', { params: { query: { hours: 24 } } })), []);
  const retry = useAction();
  return (
    <section>
      <h2>{t('nav.health')}</h2>
      <div class="grid">
        <article>
          <header>{t('health.backlog')}</header>
          <Loading loaded={backlog}>
            {(rows) => (
              <ListTable
                items={rows}
                empty={t('health.noBacklog')}
                headers={[t('health.kind'), t('health.state'), t('health.count'), t('health.oldest')]}
                row={(r) => (
                  <tr>
                    <td>
                      <code>{r.kind}</code>
                    </td>
                    <td>
                      <Badge tone={r.status === 'DEAD' ? 'bad' : 'muted'}>{r.status}</Badge>
                    </td>
                    <td>{r.count}</td>
                    <td>{formatTime(r.oldestRunAt as string | undefined)}</td>
                  </tr>
                )}
              />
            )}
          </Loading>
        </article>
        <article>
          <header>{t('health.payments')}</header>
          <Loading loaded={payments}>
            {(rows) => (
              <ListTable
                items={rows}
                empty={t('health.noPayments')}
                headers={[t('health.channel'), t('paymentState.SUCCEEDED'), t('paymentState.FAILED'), t('paymentState.PENDING'), t('health.failureRate')]}
                row={(r) => (
                  <tr>
                    <td>
                      <code>{r.channel}</code>
                    </td>
                    <td>{r.succeeded}</td>
                    <td>{r.failed}</td>
                    <td>{r.pending}</td>
                    <td>
                      <Badge tone={(r.failureRate ?? 0) > 0.2 ? 'bad' : (r.failureRate ?? 0) > 0.05 ? 'warn' : 'ok'}>
                        {((r.failureRate ?? 0) * 100).toFixed(1)}%
                      </Badge>
                    </td>
                  </tr>
                )}
              />
            )}
          </Loading>
        </article>
      </div>
      <article>
        <header>{t('health.dead')}</header>
        <ErrorBox error={retry.error} />
        <Loading loaded={dead}>
          {(rows) => (
            <ListTable
              items={rows}
              empty={t('health.noDead')}
              headers={['#', t('health.kind'), t('health.attempts'), t('health.lastError'), null]}
              row={(r) => (
                <tr>
                  <td>{r.id}</td>
                  <td>
                    <code>{r.kind}</code>
                  </td>
                  <td>{r.attempts}</td>
                  <td>
                    <small>{r.lastError}</small>
                  </td>
                  <td>
                    <button
                      class="secondary outline small"
                      disabled={retry.busy}
                      onClick={async () => {
                        if (await retry.run(() => call(client.POST('/api/platform/jobs/{id}/retry', { params: { path: { id: r.id! } } })))) {
                          dead.reload();
                          backlog.reload();
                        }
                      }}
                    >
                      {t('health.retry')}
                    </button>
                  </td>
                </tr>
              )}
            />
          )}
        </Loading>
      </article>
    </section>
  );
}
