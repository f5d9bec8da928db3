import { useEffect, useState } from 'preact/hooks';
import { client, call, raw, type Schemas } from '../api/client';
import { t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, formatTime, Loading } from '../ui/parts';

type SupplierView = Schemas['SupplierView'];

/** How long the panel reads the state again after "sync now": 2 s × 15. */
const POLL_MS = 2000;
const POLLS = 15;

/**
 * The supplier's price and stock sync: the last run (when, whether it worked, what it checked,
 * closed and reopened), the next scheduled run and the SKUs it took off sale with the reason; and
 * "sync now", which runs in the background within seconds, so the panel reads the state again for
 * a while after asking.
 */
export function SupplierSync(props: { slug: string; supplier: SupplierView }) {
  const path = { slug: props.slug, id: props.supplier.id! };
  const state = useLoad(() => call(client.GET('/api/shops/{slug}/suppliers/{id}/sync', { params: { path } })), [props.supplier.id]);
  const action = useAction();
  const [requested, setRequested] = useState<{ runs: number; polls: number }>();

  useEffect(() => {
    if (!requested || requested.polls >= POLLS || (state.data?.runs ?? 0) > requested.runs) {
      return;
    }
    const timer = setTimeout(() => {
      setRequested({ ...requested, polls: requested.polls + 1 });
      state.reload();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [requested, state.data]);

  const syncNow = async () => {
    const done = await action.run(() =>
      raw(`/api/shops/${encodeURIComponent(props.slug)}/suppliers/${props.supplier.id}/sync`, { method: 'POST' }),
    );
    if (done !== undefined) {
      setRequested({ runs: state.data?.runs ?? 0, polls: 0 });
    }
  };
  const ran = requested !== undefined && (state.data?.runs ?? 0) > requested.runs;

  return (
    <article data-testid="supplier-sync">
      <header>
        <strong>{t('sync.of', { name: props.supplier.name ?? '' })}</strong>
      </header>
      <Loading loaded={state}>
        {(s) => (
          <>
            {!s.lastAt ? (
              <p class="muted" data-testid="sync-never">
                {t('sync.never')}
              </p>
            ) : (
              <dl class="facts">
                <dt>{t('sync.lastRun')}</dt>
                <dd>
                  {formatTime(s.lastAt)}{' '}
                  <Badge tone={s.lastOk ? 'ok' : 'bad'}>{s.lastOk ? t('sync.ok') : t('sync.failed')}</Badge>
                  {s.lastResult && (
                    <>
                      <br />
                      <small>{s.lastResult}</small>
                    </>
                  )}
                </dd>
                <dt>{t('sync.counts')}</dt>
                <dd>{t('sync.countsText', { checked: s.checked ?? 0, closed: s.closed ?? 0, reopened: s.reopened ?? 0 })}</dd>
                <dt>{t('sync.runs')}</dt>
                <dd>{s.runs ?? 0}</dd>
              </dl>
            )}
            <p>
              {t('sync.nextRun')}: {s.nextAt ? formatTime(s.nextAt) : t('sync.noSchedule')}
            </p>
            <h4>{t('sync.closedSkus')}</h4>
            {(s.closedSkus ?? []).length === 0 ? (
              <p class="muted">{t('sync.noneClosed')}</p>
            ) : (
              <table data-testid="closed-skus">
                <thead>
                  <tr>
                    <th>{t('sync.sku')}</th>
                    <th>{t('sync.reason')}</th>
                    <th>{t('sync.since')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(s.closedSkus ?? []).map((c) => (
                    <tr>
                      <td>{c.skuName}</td>
                      <td>
                        <Badge tone="warn">{t(`closedReason.${c.reason ?? 'UPSTREAM_ITEM_GONE'}`)}</Badge>
                      </td>
                      <td>{formatTime(c.since)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Loading>
      {requested && (
        <p class={ran ? 'notice ok' : 'notice'} role="status" data-testid="sync-requested">
          {ran ? t('sync.ran') : requested.polls >= POLLS ? t('sync.requestedLate') : t('sync.requested')}
        </p>
      )}
      <ErrorBox error={action.error} />
      <button class="small" disabled={action.busy} aria-busy={action.busy} onClick={syncNow}>
        {t('sync.now')}
      </button>
    </article>
  );
}
