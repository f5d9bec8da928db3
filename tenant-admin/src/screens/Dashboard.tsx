import { client, call } from '../api/client';
import { t } from '../i18n';
import { useLoad } from '../ui/load';
import { Badge, formatMoney, formatTime, Loading, type Money } from '../ui/parts';


function moneyList(totals: Money[] | undefined): string {
  if (!totals || totals.length === 0) {
    return formatMoney({ amount: '0.00', currency: 'CNY' });
  }
  return totals.map((m) => formatMoney(m)).join(' + ');
}

export function Dashboard(props: { slug: string }) {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const loaded = useLoad(
    () =>
      call(
        client.GET('/api/shops/{slug}/dashboard', {
          params: { path: { slug: props.slug }, query: { tz } },
        }),
      ),
    [props.slug],
  );
  return (
    <section>
      <h2>{t('nav.dashboard')}</h2>
      <Loading loaded={loaded}>
        {(d) => {
          const f = d.figures!;
          const days = f.lastDays ?? [];
          const max = Math.max(1, ...days.map((x) => x.orders ?? 0));
          return (
            <>
              <div class="stats">
                <article>
                  <small>{t('dash.salesToday')}</small>
                  <p class="figure">{moneyList(f.today?.totals)}</p>
                  <small>{t('dash.orders', { n: f.today?.orders ?? 0 })}</small>
                </article>
                <article>
                  <small>{t('dash.salesMonth')}</small>
                  <p class="figure">{moneyList(f.thisMonth?.totals)}</p>
                  <small>{t('dash.orders', { n: f.thisMonth?.orders ?? 0 })}</small>
                </article>
                <article class={f.awaitingDelivery ? 'attention' : ''}>
                  <small>{t('dash.awaitingDelivery')}</small>
                  <p class="figure">{f.awaitingDelivery ?? 0}</p>
                </article>
                <article class={f.failedPaymentsToday ? 'attention' : ''}>
                  <small>{t('dash.failedPayments')}</small>
                  <p class="figure">{f.failedPaymentsToday ?? 0}</p>
                </article>
                <article class={f.paidUndeliverable ? 'alarm' : ''}>
                  <small>{t('dash.undeliverable')}</small>
                  <p class="figure">{f.paidUndeliverable ?? 0}</p>
                </article>
              </div>
              <div class="grid">
                <article>
                  <header>{t('dash.chart')}</header>
                  <div class="chart" role="img" aria-label={t('dash.chart')}>
                    {days.map((day) => (
                      <div class="bar" title={`${day.day}: ${day.orders} · ${moneyList(day.totals)}`}>
                        <span style={{ height: `${((day.orders ?? 0) / max) * 100}%` }} />
                        <small>{String(day.day).slice(5)}</small>
                      </div>
                    ))}
                  </div>
                </article>
                <article>
                  <header>{t('dash.lowStock')}</header>
                  {(d.lowStock ?? []).length === 0 ? (
                    <p class="muted">{t('dash.noLowStock')}</p>
                  ) : (
                    <table>
                      <tbody>
                        {d.lowStock!.map((s) => (
                          <tr>
                            <td>{s.skuName}</td>
                            <td>
                              <Badge tone={s.available === 0 ? 'bad' : 'warn'}>
                                {t('dash.left', { n: s.available ?? 0 })}
                              </Badge>
                            </td>
                            <td>
                              <a href={`/admin/shops/${props.slug}/keys?sku=${s.skuId}`}>{t('dash.addKeys')}</a>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </article>
              </div>
              <article>
                <header>{t('dash.needsAction')}</header>
                {(f.needsAction ?? []).length === 0 ? (
                  <p class="muted">{t('dash.nothingToDo')}</p>
                ) : (
                  <table>
                    <thead>
                      <tr>
                        <th>{t('orders.number')}</th>
                        <th>{t('orders.buyer')}</th>
                        <th>{t('orders.total')}</th>
                        <th>{t('orders.created')}</th>
                        <th />
                      </tr>
                    </thead>
                    <tbody>
                      {f.needsAction!.map((n) => (
                        <tr>
                          <td>
                            <a href={`/admin/shops/${props.slug}/orders/${n.order?.id}`}>#{n.order?.displayNumber}</a>
                          </td>
                          <td>{n.order?.buyerEmail}</td>
                          <td>{formatMoney(n.order?.total)}</td>
                          <td>{formatTime(n.order?.createdAt)}</td>
                          <td>
                            <Badge tone={n.reason === 'UNDELIVERABLE' ? 'bad' : 'warn'}>
                              {n.reason === 'UNDELIVERABLE' ? t('dash.reasonUndeliverable') : t('dash.reasonAwaiting')}
                            </Badge>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </article>
            </>
          );
        }}
      </Loading>
    </section>
  );
}
