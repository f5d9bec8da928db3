import { useState } from 'preact/hooks';
import { client, call, type Schemas } from '../api/client';
import { loc, t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { Badge, ConfigState, ErrorBox, formatTime, Loading } from '../ui/parts';
import { ConfigForm } from '../ui/ConfigForm';
import { ListTable } from '../ui/ListTable';

type PluginType = Schemas['PluginType'];
type PluginConfigView = Schemas['PluginConfigView'];

/**
 * The shop's marketing features (coupons and other price rules) or notifiers (webhooks, mail):
 * the plugins of that kind the platform offers, and the shop's configurations of them, each set up
 * through the form its config schema describes, like a payment channel.
 */
export function PluginConfigs(props: { slug: string; kind: 'MARKETING' | 'NOTIFIER' }) {
  const path = { slug: props.slug };
  const types = useLoad(() => call(client.GET('/api/shops/{slug}/plugin-types', { params: { path } })), [props.slug]);
  const configs = useLoad(() => call(client.GET('/api/shops/{slug}/plugin-configs', { params: { path } })), [props.slug]);
  const [editing, setEditing] = useState<{ type: PluginType; config?: PluginConfigView }>();
  const marketing = props.kind === 'MARKETING';
  const close = (changed: boolean) => {
    setEditing(undefined);
    if (changed) {
      configs.reload();
    }
  };
  const typeOf = (id?: string) => types.data?.find((ty) => ty.id === id);
  return (
    <section>
      <h2>{marketing ? t('nav.marketing') : t('nav.notifiers')}</h2>
      <p class="muted">{marketing ? t('plugins.marketingIntro') : t('plugins.notifiersIntro')}</p>
      <Loading loaded={types}>
        {(allTypes) => {
          const offered = allTypes.filter((ty) => ty.kind === props.kind);
          return (
            <>
              <h3>{t('plugins.configured')}</h3>
              <Loading loaded={configs}>
                {(all) => {
                  const list = all.filter((c) => c.kind === props.kind);
                  return (
                    <ListTable
                      items={list}
                      empty={t('plugins.none')}
                      testId="plugin-configs"
                      headers={[t('channels.name'), t('channels.type'), t('channels.state'), t('plugins.secrets'), t('channels.updated'), null]}
                      row={(c) => {
                        const type = typeOf(c.plugin);
                        const secretFields = (type?.fields ?? []).filter((f) => f.secret);
                        return (
                          <tr data-config={c.plugin}>
                            <td>{c.name}</td>
                            <td>{type ? loc(type.name) : c.plugin}</td>
                            <td>
                              <ConfigState config={c} disabled={c.autoDisabledAt ? <Badge tone="bad">{t('notifiers.autoDisabled')}</Badge> : undefined} />
                              {c.enabled && (c.failuresInRow ?? 0) > 0 && (
                                <>
                                  {' '}
                                  <Badge tone="warn">{t('notifiers.failing', { n: c.failuresInRow ?? 0 })}</Badge>
                                </>
                              )}
                              {!c.enabled && c.autoDisabledAt && (
                                <AutoDisabled slug={props.slug} config={c} onEnabled={configs.reload} />
                              )}
                            </td>
                            <td>
                              {secretFields.length === 0
                                ? '—'
                                : secretFields.map((f) => (
                                    <Badge tone={(c.secretsSet ?? []).includes(f.name!) ? 'ok' : 'muted'}>
                                      {loc(f.label)}: {(c.secretsSet ?? []).includes(f.name!) ? t('plugins.set') : t('plugins.notSet')}
                                    </Badge>
                                  ))}
                            </td>
                            <td>{formatTime(c.updatedAt)}</td>
                            <td class="actions">
                              {type && (
                                <button class="secondary outline small" onClick={() => setEditing({ type, config: c })}>
                                  {t('action.edit')}
                                </button>
                              )}
                            </td>
                          </tr>
                        );
                      }}
                    />
                  );
                }}
              </Loading>
              <h3>{t('plugins.available')}</h3>
              {offered.length === 0 && <p class="muted">{t('plugins.noneOffered')}</p>}
              <div class="cards">
                {offered.map((type) => (
                  <article class="card">
                    <header>
                      <strong>{loc(type.name)}</strong> {type.pluginVersion && <small class="muted">v{type.pluginVersion}</small>}
                    </header>
                    <p>
                      <code>{type.id}</code>{' '}
                      {(type.capabilities ?? []).map((cap) => (
                        <Badge>{cap}</Badge>
                      ))}
                    </p>
                    <button class="small" onClick={() => setEditing({ type })} data-plugin-type={type.id}>
                      {t('channels.add')}
                    </button>
                  </article>
                ))}
              </div>
            </>
          );
        }}
      </Loading>
      {editing && (
        <ConfigForm
          testId="plugin-form"
          title={
            editing.config
              ? t('channels.edit', { name: editing.config.name ?? '' })
              : t('plugins.new', { type: loc(editing.type.name) })
          }
          defaultName={loc(editing.type.name)}
          fields={editing.type.fields ?? []}
          current={editing.config}
          onClose={close}
          save={(body) =>
            editing.config
              ? call(
                  client.PATCH('/api/shops/{slug}/plugin-configs/{id}', {
                    params: { path: { ...path, id: editing.config.id! } },
                    body,
                  }),
                )
              : call(
                  client.POST('/api/shops/{slug}/plugin-configs', {
                    params: { path },
                    body: { plugin: editing.type.id, name: body.name, values: body.values },
                  }),
                )
          }
        />
      )}
    </section>
  );
}

/**
 * A notifier the platform switched off after too many failed deliveries in a row: when, why, and
 * how to get it back. Enabling it again (the same PATCH as the form's switch) clears the count.
 */
function AutoDisabled(props: { slug: string; config: PluginConfigView; onEnabled: () => void }) {
  const c = props.config;
  const action = useAction();
  const enable = async () => {
    const done = await action.run(() =>
      call(
        client.PATCH('/api/shops/{slug}/plugin-configs/{id}', {
          params: { path: { slug: props.slug, id: c.id! } },
          body: { enabled: true },
        }),
      ),
    );
    if (done !== undefined) {
      props.onEnabled();
    }
  };
  return (
    <div class="auto-disabled" data-testid="auto-disabled">
      <small>
        {t('notifiers.autoDisabledAt', { at: formatTime(c.autoDisabledAt) })}
        {c.autoDisabledReason && (
          <>
            <br />
            <q>{c.autoDisabledReason}</q>
          </>
        )}
        <br />
        {t('notifiers.howToEnable')}
      </small>
      <ErrorBox error={action.error} />
      <button class="small" disabled={action.busy} aria-busy={action.busy} onClick={enable}>
        {t('notifiers.enableAgain')}
      </button>
    </div>
  );
}
