import { useState } from 'preact/hooks';
import { client, call } from '../api/client';
import { t } from '../i18n';
import { navigate } from '../router';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, Field, formatMinor, formatMoney, formatTime, invalid, Loading } from '../ui/parts';
import { ProviderRefund, providerRefundJob } from './ProviderRefund';

export const ORDER_STATES = [
  'PENDING_PAYMENT',
  'PAID',
  'DELIVERING',
  'DELIVERED',
  'PARTIALLY_DELIVERED',
  'CANCELLED',
  'EXPIRED',
  'PAID_UNDELIVERABLE',
  'REFUND_PENDING',
  'REFUNDED',
] as const;

function tone(status?: string): 'ok' | 'warn' | 'bad' | 'muted' {
  switch (status) {
    case 'DELIVERED':
      return 'ok';
    case 'PAID':
    case 'DELIVERING':
    case 'PARTIALLY_DELIVERED':
    case 'REFUND_PENDING':
      return 'warn';
    case 'PAID_UNDELIVERABLE':
      return 'bad';
    default:
      return 'muted';
  }
}

export function OrderState(props: { status?: string }) {
  return <Badge tone={tone(props.status)}>{t(`orderState.${props.status ?? 'PENDING_PAYMENT'}`)}</Badge>;
}

export function Orders(props: { slug: string }) {
  const query = new URLSearchParams(location.search);
  const applied = {
    status: query.get('status') ?? '',
    q: query.get('q') ?? '',
    from: query.get('from') ?? '',
    productId: query.get('productId') ?? '',
  };
  const [text, setText] = useState(applied.q);
  const catalog = useLoad(() => call(client.GET('/api/shops/{slug}/catalog', { params: { path: { slug: props.slug } } })), [props.slug]);
  const loaded = useLoad(
    () =>
      call(
        client.GET('/api/shops/{slug}/orders', {
          params: {
            path: { slug: props.slug },
            query: {
              status: applied.status || undefined,
              q: applied.q || undefined,
              // The day starts at the reader's midnight.
              from: applied.from ? new Date(`${applied.from}T00:00:00`).toISOString() : undefined,
              productId: applied.productId || undefined,
              limit: 200,
            },
          },
        }),
      ),
    [props.slug, applied.status, applied.q, applied.from, applied.productId],
  );
  // The search lives in the address, so a filtered list can be reloaded and shared.
  const apply = (change: Partial<typeof applied>) => {
    const next = new URLSearchParams();
    Object.entries({ ...applied, q: text, ...change }).forEach(([k, v]) => v && next.set(k, v));
    navigate(`/admin/shops/${props.slug}/orders${next.size ? `?${next}` : ''}`, true);
  };
  return (
    <section>
      <h2>{t('nav.orders')}</h2>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply({});
        }}
      >
        <input type="search" name="q" placeholder={t('orders.search')} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <select name="status" aria-label={t('orders.state')} value={applied.status} onChange={(e) => apply({ status: e.currentTarget.value })}>
          <option value="">{t('orders.allStates')}</option>
          {ORDER_STATES.map((s) => (
            <option value={s}>{t(`orderState.${s}`)}</option>
          ))}
        </select>
        <select
          name="productId"
          aria-label={t('orders.product')}
          value={applied.productId}
          onChange={(e) => apply({ productId: e.currentTarget.value })}
        >
          <option value="">{t('orders.allProducts')}</option>
          {(catalog.data?.products ?? []).map((p) => (
            <option value={p.id}>{p.name}</option>
          ))}
        </select>
        <input type="date" name="from" aria-label={t('orders.from')} title={t('orders.from')} value={applied.from} onChange={(e) => apply({ from: e.currentTarget.value })} />
        <button type="submit">{t('action.search')}</button>
      </form>
      <Loading loaded={loaded}>
        {(orders) =>
          orders.length === 0 ? (
            <p class="muted">{t('orders.none')}</p>
          ) : (
            <table class="striped">
              <thead>
                <tr>
                  <th>{t('orders.number')}</th>
                  <th>{t('orders.state')}</th>
                  <th>{t('orders.buyer')}</th>
                  <th class="num">{t('orders.total')}</th>
                  <th>{t('orders.created')}</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr>
                    <td>
                      <a href={`/admin/shops/${props.slug}/orders/${o.id}`}>#{o.displayNumber}</a>
                    </td>
                    <td>
                      <OrderState status={o.status} />
                    </td>
                    <td>{o.buyerEmail}</td>
                    <td class="num">{formatMoney(o.total)}</td>
                    <td>{formatTime(o.createdAt)}</td>
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

/** What the kernel froze on each order line (OrderPricing): names, quantity, prices in minor units. */
interface LineSnapshot {
  product?: string;
  sku?: string;
  quantity?: number;
  unitPrice?: number;
  listPrice?: number;
  currency?: string;
  rule?: string;
}

export function OrderDetail(props: { slug: string; orderId: string }) {
  const path = { slug: props.slug, orderId: props.orderId };
  const loaded = useLoad(() => call(client.GET('/api/shops/{slug}/orders/{orderId}', { params: { path } })), [props.orderId]);
  const action = useAction();
  const [delivery, setDelivery] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<string>();

  const act = async (work: () => Promise<{ changed?: boolean; status?: string } | unknown>) => {
    setResult(undefined);
    const done = await action.run(work);
    if (done !== undefined) {
      const r = done as { changed?: boolean };
      setResult(r.changed === false ? t('orders.unchanged') : t('orders.done'));
      loaded.reload();
    }
  };

  // Recorded by staff after paying the buyer back outside Kameng.
  const markRefunded = () => void act(() => call(client.POST('/api/shops/{slug}/orders/{orderId}/refunded', { params: { path } })));

  return (
    <section>
      <p>
        <a href={`/admin/shops/${props.slug}/orders`}>← {t('nav.orders')}</a>
      </p>
      <Loading loaded={loaded}>
        {(d) => {
          const o = d.order!;
          const lines = (d.lineSnapshots ?? []).map((s) => {
            try {
              return JSON.parse(s) as LineSnapshot;
            } catch {
              return { product: s } as LineSnapshot;
            }
          });
          const payments = d.payments ?? [];
          const pendingManual = payments.filter((p) => p.status === 'PENDING' && p.channel === 'manual');
          return (
            <>
              <header class="screen-header">
                <h2>
                  {t('orders.order')} #{o.displayNumber} <OrderState status={o.status} />
                </h2>
              </header>
              <div class="grid">
                <article>
                  <header>{t('orders.summary')}</header>
                  <dl class="facts">
                    <dt>{t('orders.buyer')}</dt>
                    <dd>
                      {o.buyerEmail} {d.buyerContact && <small>· {d.buyerContact}</small>}
                    </dd>
                    <dt>{t('orders.total')}</dt>
                    <dd>{formatMoney(o.total)}</dd>
                    <dt>{t('orders.deliveredKeys')}</dt>
                    <dd>{d.deliveredKeys}</dd>
                  </dl>
                  <table>
                    <thead>
                      <tr>
                        <th>{t('orders.item')}</th>
                        <th>{t('catalog.quantity')}</th>
                        <th>{t('orders.unitPrice')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {lines.map((l) => (
                        <tr>
                          <td>{[l.product, l.sku].filter(Boolean).join(' · ')}</td>
                          <td>{l.quantity ?? ''}</td>
                          <td>
                            {l.unitPrice !== undefined ? formatMinor(l.unitPrice, l.currency ?? 'CNY') : ''}
                            {l.rule && l.rule !== 'list' && <small class="muted"> · {l.rule}</small>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </article>
                <article>
                  <header>{t('orders.timeline')}</header>
                  <ol class="timeline">
                    <li>
                      <small>{formatTime(o.createdAt)}</small> {t('orders.placed')}
                    </li>
                    {payments.map((p) => (
                      <li>
                        {t('orders.payment', { channel: p.channel ?? '' })}{' '}
                        {formatMoney(p.amount)}{' '}
                        <Badge tone={p.status === 'SUCCEEDED' ? 'ok' : p.status === 'FAILED' ? 'bad' : 'warn'}>
                          {t(`paymentState.${p.status === 'SUCCEEDED' ? 'SUCCEEDED' : p.status === 'FAILED' ? 'FAILED' : 'PENDING'}`)}
                        </Badge>
                      </li>
                    ))}
                    {(d.paymentEvents ?? []).map((e) => (
                      <li>
                        <small>{formatTime(e.receivedAt)}</small> {t('orders.providerSaid')}{' '}
                        <Badge tone={e.outcome === 'SUCCEEDED' ? 'ok' : e.outcome === 'FAILED' ? 'bad' : 'warn'}>
                          {t(`paymentState.${e.outcome === 'SUCCEEDED' ? 'SUCCEEDED' : e.outcome === 'FAILED' ? 'FAILED' : 'PENDING'}`)}
                        </Badge>{' '}
                        {formatMoney(e.amount)}
                      </li>
                    ))}
                    {(d.deliveredKeys ?? 0) > 0 && <li>{t('orders.keysDelivered', { n: d.deliveredKeys ?? 0 })}</li>}
                    <li>
                      {t('orders.now')} <OrderState status={o.status} />
                    </li>
                  </ol>
                  <h4>{t('orders.jobs')}</h4>
                  {(d.jobs ?? []).length === 0 ? (
                    <p class="muted">{t('orders.noJobs')}</p>
                  ) : (
                    <table data-testid="order-jobs">
                      <thead>
                        <tr>
                          <th>{t('orders.jobKind')}</th>
                          <th>{t('orders.jobState')}</th>
                          <th>{t('orders.jobAttempts')}</th>
                          <th>{t('orders.jobUpdated')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {(d.jobs ?? []).map((j) => (
                          <tr>
                            <td>
                              <code>{j.kind}</code>
                              {j.lastError && (
                                <small class="field-error" title={j.lastError}>
                                  <br />
                                  {j.lastError}
                                </small>
                              )}
                            </td>
                            <td>
                              <Badge tone={j.status === 'DONE' ? 'ok' : j.status === 'DEAD' ? 'bad' : 'warn'}>{t(`jobState.${j.status ?? 'READY'}`)}</Badge>
                            </td>
                            <td>
                              {j.attempts}/{j.maxAttempts}
                            </td>
                            <td>{formatTime(j.updatedAt)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </article>
              </div>
              <article>
                <header>{t('orders.actions')}</header>
                <ErrorBox error={action.error} fields={['delivery', 'reason']} />
                {result && <p class="notice ok">{result}</p>}
                <div class="actions-grid">
                  {pendingManual.map((p) => (
                    <button
                      disabled={action.busy}
                      onClick={() =>
                        act(() =>
                          call(
                            client.POST('/api/shops/{slug}/orders/{orderId}/payments/{paymentId}/confirm', {
                              params: { path: { ...path, paymentId: p.id! } },
                            }),
                          ),
                        )
                      }
                    >
                      {t('orders.confirmPayment')}
                    </button>
                  ))}
                  {o.status === 'PENDING_PAYMENT' && (
                    <button
                      class="secondary"
                      disabled={action.busy}
                      onClick={() =>
                        confirm(t('orders.confirmCancel')) &&
                        act(() => call(client.POST('/api/shops/{slug}/orders/{orderId}/cancel', { params: { path } })))
                      }
                    >
                      {t('orders.cancel')}
                    </button>
                  )}
                  <button
                    class="secondary outline"
                    disabled={action.busy}
                    onClick={async () => {
                      setResult(undefined);
                      const r = await action.run(() =>
                        call(client.POST('/api/shops/{slug}/orders/{orderId}/notifications/resend', { params: { path } })),
                      );
                      if (r !== undefined) {
                        setResult(r.queued ? t('orders.resent') : t('orders.alreadyQueued'));
                        loaded.reload();
                      }
                    }}
                  >
                    {t('orders.resend')}
                  </button>
                  {o.status === 'REFUND_PENDING' && (
                    // Not while the provider is paying back: the buyer would be refunded twice.
                    <button class="secondary" disabled={action.busy || providerRefundJob(d.jobs ?? []).waiting} onClick={markRefunded}>
                      {t('orders.markRefunded')}
                    </button>
                  )}
                </div>
                {o.status === 'REFUND_PENDING' && (
                  <ProviderRefund
                    slug={props.slug}
                    orderId={props.orderId}
                    jobs={d.jobs ?? []}
                    busy={action.busy}
                    onStart={() => setResult(undefined)}
                    onChanged={loaded.reload}
                    markRefunded={markRefunded}
                  />
                )}
                {['PAID', 'DELIVERING', 'PARTIALLY_DELIVERED', 'PAID_UNDELIVERABLE'].includes(o.status ?? '') && (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      void act(() =>
                        call(client.POST('/api/shops/{slug}/orders/{orderId}/deliver', { params: { path }, body: { delivery } })),
                      );
                    }}
                  >
                    <Field label={t('orders.manualDelivery')} name="delivery" error={action.error} hint={t('orders.manualDeliveryHint')}>
                      <textarea value={delivery} onInput={(e) => setDelivery(e.currentTarget.value)} aria-invalid={invalid(action.error, 'delivery')} />
                    </Field>
                    <button type="submit" disabled={action.busy}>
                      {t('orders.deliver')}
                    </button>
                  </form>
                )}
                {['DELIVERED', 'PARTIALLY_DELIVERED', 'PAID_UNDELIVERABLE'].includes(o.status ?? '') && (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      void act(() =>
                        call(client.POST('/api/shops/{slug}/orders/{orderId}/refund', { params: { path }, body: { reason } })),
                      );
                    }}
                  >
                    <Field label={t('orders.refundReason')} name="reason" error={action.error}>
                      <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={invalid(action.error, 'reason')} />
                    </Field>
                    <button type="submit" class="secondary" disabled={action.busy}>
                      {t('orders.flagRefund')}
                    </button>
                  </form>
                )}
              </article>
            </>
          );
        }}
      </Loading>
    </section>
  );
}
