import { client, call } from '../api/client';
import { t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, formatTime, Loading } from '../ui/parts';

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
            {(rows) =>
              rows.length === 0 ? (
                <p class="muted">{t('health.noBacklog')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>{t('health.kind')}</th>
                      <th>{t('health.state')}</th>
                      <th>{t('health.count')}</th>
                      <th>{t('health.oldest')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
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
                    ))}
                  </tbody>
                </table>
              )
            }
          </Loading>
        </article>
        <article>
          <header>{t('health.payments')}</header>
          <Loading loaded={payments}>
            {(rows) =>
              rows.length === 0 ? (
                <p class="muted">{t('health.noPayments')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>{t('health.channel')}</th>
                      <th>{t('paymentState.SUCCEEDED')}</th>
                      <th>{t('paymentState.FAILED')}</th>
                      <th>{t('paymentState.PENDING')}</th>
                      <th>{t('health.failureRate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
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
                    ))}
                  </tbody>
                </table>
              )
            }
          </Loading>
        </article>
      </div>
      <article>
        <header>{t('health.dead')}</header>
        <ErrorBox error={retry.error} />
        <Loading loaded={dead}>
          {(rows) =>
            rows.length === 0 ? (
              <p class="muted">{t('health.noDead')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t('health.kind')}</th>
                    <th>{t('health.attempts')}</th>
                    <th>{t('health.lastError')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
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
