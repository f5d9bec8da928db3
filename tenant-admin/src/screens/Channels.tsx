import { useState } from 'preact/hooks';
import { client, call, type Schemas } from '../api/client';
import { loc, t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, Field, formatTime, invalid, Loading, Modal } from '../ui/parts';

type ChannelType = Schemas['ChannelType'];
type ChannelView = Schemas['ChannelView'];
type FieldView = Schemas['FieldView'];

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
              {(list) =>
                list.length === 0 ? (
                  <p class="muted">{t('channels.none')}</p>
                ) : (
                  <table>
                    <thead>
                      <tr>
                        <th>{t('channels.name')}</th>
                        <th>{t('channels.type')}</th>
                        <th>{t('channels.state')}</th>
                        <th>{t('channels.updated')}</th>
                        <th />
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((c) => {
                        const type = typeOf(c.channel);
                        return (
                          <tr>
                            <td>{c.name}</td>
                            <td>{type ? loc(type.name) : c.channel}</td>
                            <td>
                              {!c.installed ? (
                                <Badge tone="bad">{t('channels.notInstalled')}</Badge>
                              ) : c.paused ? (
                                <Badge tone="warn">{t('channels.paused')}</Badge>
                              ) : c.enabled ? (
                                <Badge tone="ok">{t('channels.enabled')}</Badge>
                              ) : (
                                <Badge>{t('channels.disabled')}</Badge>
                              )}
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
                      })}
                    </tbody>
                  </table>
                )
              }
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

/** The settings form, rendered from the plugin's config schema; secrets are write-only. */
function ChannelForm(props: { slug: string; type: ChannelType; channel?: ChannelView; onClose: (changed: boolean) => void }) {
  const c = props.channel;
  const fields = props.type.fields ?? [];
  const [name, setName] = useState(c?.name ?? loc(props.type.name));
  const [enabled, setEnabled] = useState(c?.enabled ?? true);
  const [clear, setClear] = useState<string[]>([]);
  const [values, setValues] = useState<Record<string, string>>(() => {
    const initial: Record<string, string> = {};
    for (const f of fields) {
      initial[f.name!] = f.secret ? '' : (c?.settings?.[f.name!] ?? f.defaultValue ?? '');
    }
    return initial;
  });
  const action = useAction();
  const secretsSet = new Set(c?.secretsSet ?? []);
  const save = async (e: Event) => {
    e.preventDefault();
    const path = { slug: props.slug };
    const done = await action.run(() =>
      c
        ? call(
            client.PATCH('/api/shops/{slug}/channels/{id}', {
              params: { path: { ...path, id: c.id! } },
              body: { name, enabled, values, clearSecrets: clear },
            }),
          )
        : call(client.POST('/api/shops/{slug}/channels', { params: { path }, body: { channel: props.type.id, name, values } })),
    );
    if (done !== undefined) {
      props.onClose(true);
    }
  };
  const err = action.error;
  const fieldName = (f: FieldView) => f.name!;
  return (
    <Modal title={c ? t('channels.edit', { name: c.name ?? '' }) : t('channels.new', { type: loc(props.type.name) })} onClose={() => props.onClose(false)}>
      <form onSubmit={save} data-testid="channel-form">
        <Field label={t('channels.name')} name="name" error={err}>
          <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} aria-invalid={invalid(err, 'name')} />
        </Field>
        {fields.map((f) => (
          <Field
            label={loc(f.label) + (f.required ? ' *' : '')}
            name={fieldName(f)}
            error={err}
            hint={f.secret ? (secretsSet.has(f.name!) ? t('channels.secretSet') : t('channels.secretNotSet')) : undefined}
          >
            <ConfigInput
              field={f}
              value={values[f.name!] ?? ''}
              invalid={invalid(err, fieldName(f))}
              secretSet={secretsSet.has(f.name!) && !clear.includes(f.name!)}
              onChange={(v) => setValues({ ...values, [f.name!]: v })}
            />
            {f.secret && secretsSet.has(f.name!) && !f.required && (
              <span class="inline-check">
                <input
                  type="checkbox"
                  checked={clear.includes(f.name!)}
                  onChange={(e) =>
                    setClear(e.currentTarget.checked ? [...clear, f.name!] : clear.filter((x) => x !== f.name))
                  }
                />{' '}
                {t('channels.clearSecret')}
              </span>
            )}
          </Field>
        ))}
        {c && (
          <label>
            <input type="checkbox" role="switch" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />{' '}
            {t('channels.enabled')}
          </label>
        )}
        <ErrorBox error={err} fields={['name', ...fields.map((f) => f.name!)]} />
        <button type="submit" aria-busy={action.busy} disabled={action.busy}>
          {t('action.save')}
        </button>
      </form>
    </Modal>
  );
}

function ConfigInput(props: {
  field: FieldView;
  value: string;
  invalid?: true;
  secretSet: boolean;
  onChange: (value: string) => void;
}) {
  const f = props.field;
  const common = {
    name: f.name,
    'aria-invalid': props.invalid,
    onInput: (e: { currentTarget: { value: string } }) => props.onChange(e.currentTarget.value),
  };
  switch (f.type) {
    case 'SECRET':
      return (
        <input
          {...common}
          type="password"
          autoComplete="new-password"
          value={props.value}
          placeholder={props.secretSet ? '••••••••' : ''}
        />
      );
    case 'TEXT':
      return <textarea {...common} value={props.value} />;
    case 'INTEGER':
      return <input {...common} type="number" value={props.value} />;
    case 'URL':
      return <input {...common} type="url" value={props.value} placeholder="https://" />;
    case 'MONEY':
      return <input {...common} inputMode="decimal" value={props.value} placeholder="0.00" />;
    case 'BOOLEAN':
      return (
        <input
          type="checkbox"
          role="switch"
          name={f.name}
          checked={props.value === 'true'}
          onChange={(e) => props.onChange(e.currentTarget.checked ? 'true' : 'false')}
        />
      );
    case 'ENUM':
      return (
        <select name={f.name} value={props.value} aria-invalid={props.invalid} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <option value="">—</option>
          {(f.options ?? []).map((o) => (
            <option value={o.value}>{loc(o.label)}</option>
          ))}
        </select>
      );
    default:
      return <input {...common} value={props.value} pattern={f.pattern ?? undefined} />;
  }
}
