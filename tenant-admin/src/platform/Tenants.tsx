import { useState } from 'preact/hooks';
import { client, call } from '../api/client';
import { t } from '../i18n';
import { navigate } from '../router';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, Field, formatMinor, formatTime, invalid, Loading } from '../ui/parts';

function statusTone(status?: string) {
  return status === 'ACTIVE' ? 'ok' : status === 'SUSPENDED' ? 'bad' : 'warn';
}

export function TenantState(props: { status?: string }) {
  const s = props.status === 'ACTIVE' || props.status === 'SUSPENDED' ? props.status : 'PENDING';
  return <Badge tone={statusTone(s)}>{t(`tenantState.${s}`)}</Badge>;
}

export function Tenants() {
  const query = new URLSearchParams(location.search);
  const [search, setSearch] = useState(query.get('search') ?? '');
  const [status, setStatus] = useState(query.get('status') ?? '');
  const [applied, setApplied] = useState({ search, status });
  const loaded = useLoad(
    () =>
      call(
        client.GET('/api/platform/tenants', {
          params: { query: { search: applied.search || undefined, status: applied.status || undefined, limit: 200 } },
        }),
      ),
    [applied.search, applied.status],
  );
  const apply = (e: Event) => {
    e.preventDefault();
    setApplied({ search, status });
    const q = new URLSearchParams();
    if (search) q.set('search', search);
    if (status) q.set('status', status);
    navigate(`/admin/platform/tenants${q.size ? `?${q}` : ''}`, true);
  };
  return (
    <section>
      <h2>{t('nav.tenants')}</h2>
      <form class="filters" onSubmit={apply}>
        <input type="search" name="search" placeholder={t('tenants.search')} value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        <select name="status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">{t('tenants.allStates')}</option>
          {['PENDING', 'ACTIVE', 'SUSPENDED'].map((s) => (
            <option value={s}>{t(`tenantState.${s as 'ACTIVE'}`)}</option>
          ))}
        </select>
        <button type="submit">{t('action.search')}</button>
      </form>
      <Loading loaded={loaded}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{t('tenants.none')}</p>
          ) : (
            <table class="striped">
              <thead>
                <tr>
                  <th>{t('tenants.shop')}</th>
                  <th>{t('tenants.slug')}</th>
                  <th>{t('tenants.state')}</th>
                  <th>{t('tenants.currency')}</th>
                  <th>{t('tenants.created')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr>
                    <td>
                      <a href={`/admin/platform/tenants/${s.id}`}>{s.name}</a>
                    </td>
                    <td>
                      <code>{s.slug}</code>
                    </td>
                    <td>
                      <TenantState status={s.status} />
                    </td>
                    <td>{s.defaultCurrency}</td>
                    <td>{formatTime(s.createdAt)}</td>
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

export function TenantDetail(props: { id: string }) {
  const path = { id: props.id };
  const detail = useLoad(() => call(client.GET('/api/platform/tenants/{id}', { params: { path } })), [props.id]);
  const plan = useLoad(() => call(client.GET('/api/platform/tenants/{id}/plan', { params: { path } })), [props.id]);
  const action = useAction();
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string>();

  const act = async (work: () => Promise<{ changed?: boolean }>) => {
    setMessage(undefined);
    const r = await action.run(work);
    if (r) {
      setMessage(r.changed ? t('tenants.changed') : t('tenants.unchanged'));
      setReason('');
      detail.reload();
    }
  };

  return (
    <section>
      <p>
        <a href="/admin/platform/tenants">← {t('nav.tenants')}</a>
      </p>
      <Loading loaded={detail}>
        {(d) => {
          const s = d.shop!;
          const f = (d.figures ?? {}) as {
            ordersByStatus?: Record<string, number>;
            revenueByCurrency?: Record<string, number>;
            products?: number;
            availableKeys?: number;
          };
          return (
            <>
              <header class="screen-header">
                <h2>
                  {s.name} <TenantState status={s.status} />
                </h2>
                <code>{s.slug}</code>
              </header>
              <div class="stats">
                <article>
                  <small>{t('tenants.revenue')}</small>
                  <p class="figure">
                    {Object.entries(f.revenueByCurrency ?? {})
                      .map(([c, v]) => formatMinor(Math.abs(v), c))
                      .join(' + ') || '—'}
                  </p>
                </article>
                <article>
                  <small>{t('tenants.orders')}</small>
                  <p class="figure">{Object.values(f.ordersByStatus ?? {}).reduce((a, b) => a + b, 0)}</p>
                </article>
                <article>
                  <small>{t('tenants.products')}</small>
                  <p class="figure">{f.products ?? 0}</p>
                </article>
                <article>
                  <small>{t('tenants.keys')}</small>
                  <p class="figure">{f.availableKeys ?? 0}</p>
                </article>
              </div>
              <article>
                <header>{t('tenants.status')}</header>
                <ErrorBox error={action.error} fields={['reason']} />
                {message && <p class="notice ok">{message}</p>}
                {s.status === 'SUSPENDED' ? (
                  <button
                    disabled={action.busy}
                    onClick={() => act(() => call(client.POST('/api/platform/tenants/{id}/resume', { params: { path } })))}
                  >
                    {t('tenants.resume')}
                  </button>
                ) : (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      void act(() => call(client.POST('/api/platform/tenants/{id}/suspend', { params: { path }, body: { reason } })));
                    }}
                  >
                    {s.status === 'PENDING' && (
                      <p>
                        <button
                          type="button"
                          disabled={action.busy}
                          onClick={() => act(() => call(client.POST('/api/platform/tenants/{id}/approve', { params: { path } })))}
                        >
                          {t('tenants.approve')}
                        </button>
                      </p>
                    )}
                    <Field label={t('tenants.reason')} name="reason" error={action.error}>
                      <input name="reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={invalid(action.error, 'reason')} />
                    </Field>
                    <button type="submit" class="secondary" disabled={action.busy}>
                      {t('tenants.suspend')}
                    </button>
                  </form>
                )}
              </article>
            </>
          );
        }}
      </Loading>
      <Loading loaded={plan}>{(p) => <PlanForm id={props.id} plan={p} onSaved={plan.reload} />}</Loading>
    </section>
  );
}

function PlanForm(props: {
  id: string;
  plan: { plan?: string; maxProducts?: number | null; maxCardKeys?: number | null; maxStaff?: number | null; platformFeeBps?: number };
  onSaved: () => void;
}) {
  const p = props.plan;
  const text = (v?: number | null) => (v === null || v === undefined ? '' : String(v));
  const [draft, setDraft] = useState({
    plan: p.plan ?? '',
    maxProducts: text(p.maxProducts),
    maxCardKeys: text(p.maxCardKeys),
    maxStaff: text(p.maxStaff),
    platformFeeBps: text(p.platformFeeBps),
  });
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof draft) => (e: { currentTarget: { value: string } }) => setDraft({ ...draft, [k]: e.currentTarget.value });
  const limits = ['maxProducts', 'maxCardKeys', 'maxStaff'] as const;
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
    const done = await action.run(() =>
      call(
        client.PATCH('/api/platform/tenants/{id}/plan', {
          params: { path: { id: props.id } },
          body: {
            plan: draft.plan || undefined,
            maxProducts: num(draft.maxProducts),
            maxCardKeys: num(draft.maxCardKeys),
            maxStaff: num(draft.maxStaff),
            platformFeeBps: num(draft.platformFeeBps),
            // An emptied limit is lifted, not left as it was.
            clearLimits: limits.filter((k) => draft[k].trim() === ''),
          },
        }),
      ),
    );
    if (done) {
      setSaved(true);
      props.onSaved();
    }
  };
  const e = action.error;
  return (
    <article>
      <header>{t('tenants.plan')}</header>
      <form onSubmit={save}>
        <div class="grid">
          <Field label={t('tenants.planName')} name="plan" error={e}>
            <input value={draft.plan} onInput={set('plan')} aria-invalid={invalid(e, 'plan')} />
          </Field>
          <Field label={t('tenants.fee')} name="platformFeeBps" error={e} hint={t('tenants.feeHint')}>
            <input type="number" value={draft.platformFeeBps} onInput={set('platformFeeBps')} aria-invalid={invalid(e, 'platformFeeBps')} />
          </Field>
        </div>
        <div class="grid">
          {limits.map((k) => (
            <Field label={t(`tenants.${k}`)} name={k} error={e} hint={t('tenants.noLimit')}>
              <input type="number" value={draft[k]} onInput={set(k)} aria-invalid={invalid(e, k)} />
            </Field>
          ))}
        </div>
        <ErrorBox error={e} fields={['plan', 'platformFeeBps', ...limits]} />
        {saved && <p class="notice ok">{t('action.saved')}</p>}
        <button type="submit" disabled={action.busy} aria-busy={action.busy}>
          {t('action.save')}
        </button>
      </form>
    </article>
  );
}
