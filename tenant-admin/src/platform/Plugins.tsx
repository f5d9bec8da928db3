import { useState } from 'preact/hooks';
import { client, call, raw } from '../api/client';
import { t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, formatTime, Loading } from '../ui/parts';

export function Plugins() {
  const report = useLoad(() => call(client.GET('/api/platform/plugins')), []);
  const tenants = useLoad(() => call(client.GET('/api/platform/tenants', { params: { query: { limit: 200 } } })), []);
  const action = useAction();
  const [file, setFile] = useState<File>();
  const [message, setMessage] = useState<string>();
  const [approvals, setApprovals] = useState<string>();

  const act = async (work: () => Promise<unknown>, done?: string) => {
    setMessage(undefined);
    if ((await action.run(work)) !== undefined) {
      setMessage(done ?? t('action.saved'));
      report.reload();
    }
  };
  const install = (e: Event) => {
    e.preventDefault();
    if (!file) {
      return;
    }
    void act(
      () => raw('/api/platform/plugins', { method: 'POST', headers: { 'Content-Type': 'application/zip' }, body: file }).then((r) => r.json()),
      t('plugins.installed'),
    );
  };

  return (
    <section>
      <h2>{t('nav.plugins')}</h2>
      <ErrorBox error={action.error} />
      {message && <p class="notice ok">{message}</p>}
      <article>
        <header>{t('plugins.upload')}</header>
        <form class="filters" onSubmit={install}>
          <input type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
          <button type="submit" disabled={!file || action.busy} aria-busy={action.busy}>
            {t('plugins.install')}
          </button>
        </form>
      </article>
      <Loading loaded={report}>
        {(r) => (
          <>
            <table>
              <thead>
                <tr>
                  <th>{t('plugins.plugin')}</th>
                  <th>{t('plugins.state')}</th>
                  <th>{t('plugins.availability')}</th>
                  <th>{t('plugins.installedAt')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {(r.registry ?? []).map((p) => (
                  <>
                    <tr>
                      <td>
                        <strong>{p.pluginId}</strong> <small class="muted">v{p.version}</small>
                        {p.reason && (
                          <div>
                            <small class="field-error">{p.reason}</small>
                          </div>
                        )}
                      </td>
                      <td>
                        <Badge tone={p.status === 'ACTIVE' && !p.disabled ? 'ok' : p.status === 'REFUSED' ? 'bad' : 'muted'}>
                          {p.disabled ? t('plugins.disabled') : t(`pluginState.${p.status === 'ACTIVE' ? 'ACTIVE' : p.status === 'REFUSED' ? 'REFUSED' : 'REMOVED'}`)}
                        </Badge>
                      </td>
                      <td>
                        <select
                          aria-label={t('plugins.availability')}
                          value={p.availability}
                          disabled={action.busy}
                          onChange={(e) =>
                            act(() =>
                              call(
                                client.PUT('/api/platform/plugins/{pluginId}/availability', {
                                  params: { path: { pluginId: p.pluginId! } },
                                  body: { availability: e.currentTarget.value as 'ALL' | 'APPROVED' },
                                }),
                              ),
                            )
                          }
                        >
                          <option value="ALL">{t('plugins.all')}</option>
                          <option value="APPROVED">{t('plugins.approvedOnly')}</option>
                        </select>
                      </td>
                      <td>{formatTime(p.installedAt)}</td>
                      <td class="actions">
                        {p.availability === 'APPROVED' && (
                          <button class="secondary outline small" onClick={() => setApprovals(approvals === p.pluginId ? undefined : p.pluginId)}>
                            {t('plugins.approvals')}
                          </button>
                        )}{' '}
                        <button
                          class="secondary outline small"
                          disabled={action.busy}
                          onClick={() =>
                            act(() =>
                              p.disabled
                                ? call(client.POST('/api/platform/plugins/{pluginId}/enable', { params: { path: { pluginId: p.pluginId! } } }))
                                : call(client.POST('/api/platform/plugins/{pluginId}/disable', { params: { path: { pluginId: p.pluginId! } } })),
                            )
                          }
                        >
                          {p.disabled ? t('plugins.enable') : t('plugins.disable')}
                        </button>
                      </td>
                    </tr>
                    {approvals === p.pluginId && (
                      <tr>
                        <td colSpan={5}>
                          <Approvals pluginId={p.pluginId!} tenants={tenants.data ?? []} />
                        </td>
                      </tr>
                    )}
                  </>
                ))}
              </tbody>
            </table>
            {(r.refused ?? []).length > 0 && (
              <>
                <h3>{t('plugins.refused')}</h3>
                <ul>
                  {r.refused!.map((x) => (
                    <li>
                      <code>{x.source}</code> {x.pluginId}: <span class="field-error">{x.reason}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Loading>
    </section>
  );
}

function Approvals(props: { pluginId: string; tenants: { id?: string; slug?: string; name?: string }[] }) {
  const path = { pluginId: props.pluginId };
  const approved = useLoad(() => call(client.GET('/api/platform/plugins/{pluginId}/tenants', { params: { path } })), [props.pluginId]);
  const action = useAction();
  const [pick, setPick] = useState('');
  const act = async (work: () => Promise<unknown>) => {
    if ((await action.run(work)) !== undefined) {
      approved.reload();
    }
  };
  const name = (id: string) => props.tenants.find((x) => x.id === id)?.slug ?? id;
  return (
    <div class="approvals">
      <ErrorBox error={action.error} />
      <Loading loaded={approved}>
        {(ids) => (
          <ul>
            {ids.length === 0 && <li class="muted">{t('plugins.noApprovals')}</li>}
            {ids.map((id) => (
              <li>
                {name(id)}{' '}
                <a
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    void act(() =>
                      call(client.DELETE('/api/platform/plugins/{pluginId}/tenants/{tenantId}', { params: { path: { ...path, tenantId: id } } })).then(
                        () => true,
                      ),
                    );
                  }}
                >
                  {t('plugins.revoke')}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Loading>
      <div class="filters">
        <select value={pick} onChange={(e) => setPick(e.currentTarget.value)} aria-label={t('tenants.shop')}>
          <option value="">{t('plugins.pickShop')}</option>
          {props.tenants.map((x) => (
            <option value={x.id}>
              {x.name} ({x.slug})
            </option>
          ))}
        </select>
        <button
          class="small"
          disabled={!pick || action.busy}
          onClick={() =>
            act(() =>
              call(client.PUT('/api/platform/plugins/{pluginId}/tenants/{tenantId}', { params: { path: { ...path, tenantId: pick } } })).then(() => true),
            )
          }
        >
          {t('plugins.approve')}
        </button>
      </div>
    </div>
  );
}
