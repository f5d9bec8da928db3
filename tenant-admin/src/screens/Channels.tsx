import { useState } from 'preact/hooks';
import { client, call, type Schemas } from '../api/client';
import { loc, t } from '../i18n';
import { useLoad } from '../ui/load';
import { Badge, ConfigState, formatTime, Loading } from '../ui/parts';
import { ListTable } from '../ui/ListTable';
import { ConfigForm } from '../ui/ConfigForm';

type ChannelType = Schemas['ChannelType'];
type ChannelView = Schemas['ChannelView'];

export function Channels(props: { slug: string }) {
  const path = { slug: props.slug };
  const types = useLoad(() => call(client.GET('/api/shops/{slug}/channel-types', { params: { path } })), [props.slug]);
  const channels = useLoad(() => call(client.GET('/api/shops/{slug}/channels', { params: { path } })), [props.slug]);
  const [editing, setEditing] = useState<{ type: ChannelType; channel?: ChannelView }>();
  const close = (changed: boolean) => {
    setEditing(undefined);
    if (changed) {
      channels.reload();
    }
  };
  const typeOf = (id?: string) => types.data?.find((ty) => ty.id === id);
  return (
    <section>
      <h2>{t('nav.channels')}</h2>
      <Loading loaded={types}>
        {(all) => (
          <>
            <h3>{t('channels.configured')}</h3>
            <Loading loaded={channels}>
              {(list) => (
                <ListTable
                  items={list}
                  empty={t('channels.none')}
                  headers={[t('channels.name'), t('channels.type'), t('channels.state'), t('channels.updated'), null]}
                  row={(c) => {
                    const type = typeOf(c.channel);
                    return (
                      <tr>
                        <td>{c.name}</td>
                        <td>{type ? loc(type.name) : c.channel}</td>
                        <td>
                          <ConfigState config={c} />
                        </td>
                        <td>{formatTime(c.updatedAt)}</td>
                        <td class="actions">
                          {type && (
                            <button class="secondary outline small" onClick={() => setEditing({ type, channel: c })}>
                              {t('action.edit')}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  }}
                />
              )}
            </Loading>
            <h3>{t('channels.available')}</h3>
            <div class="cards">
              {all.map((type) => (
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
                  <button class="small" onClick={() => setEditing({ type })} data-channel-type={type.id}>
                    {t('channels.add')}
                  </button>
                </article>
              ))}
            </div>
          </>
        )}
      </Loading>
      {editing && <ChannelForm slug={props.slug} type={editing.type} channel={editing.channel} onClose={close} />}
    </section>
  );
}

/** A channel's settings form, rendered from the plugin's config schema; secrets are write-only. */
function ChannelForm(props: { slug: string; type: ChannelType; channel?: ChannelView; onClose: (changed: boolean) => void }) {
  const c = props.channel;
  const path = { slug: props.slug };
  return (
    <ConfigForm
      testId="channel-form"
      title={c ? t('channels.edit', { name: c.name ?? '' }) : t('channels.new', { type: loc(props.type.name) })}
      defaultName={loc(props.type.name)}
      fields={props.type.fields ?? []}
      current={c}
      onClose={props.onClose}
      save={(body) =>
        c
          ? call(client.PATCH('/api/shops/{slug}/channels/{id}', { params: { path: { ...path, id: c.id! } }, body }))
          : call(client.POST('/api/shops/{slug}/channels', { params: { path }, body: { channel: props.type.id, name: body.name, values: body.values } }))
      }
    />
  );
}
