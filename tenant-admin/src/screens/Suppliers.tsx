import { useState } from 'preact/hooks';
import { client, call, type Schemas } from '../api/client';
import { loc, t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { ConfigState, ErrorBox, Field, formatMoney, formatTime, invalid, Loading, Modal, type Money } from '../ui/parts';
import { ConfigForm } from '../ui/ConfigForm';
import { ListTable } from '../ui/ListTable';
import { SupplierSync } from './SupplierSync';

type SupplierType = Schemas['SupplierType'];
type SupplierView = Schemas['SupplierView'];
type ItemView = Schemas['ItemView'];

/**
 * The shop's upstream suppliers: connector configurations (the same schema-rendered form as
 * payment channels), each one's catalogue with the shop's cost, and importing an item as a local
 * product priced by a markup (never below the cost).
 */
export function Suppliers(props: { slug: string }) {
  const path = { slug: props.slug };
  const types = useLoad(() => call(client.GET('/api/shops/{slug}/supplier-types', { params: { path } })), [props.slug]);
  const configs = useLoad(() => call(client.GET('/api/shops/{slug}/suppliers', { params: { path } })), [props.slug]);
  const [editing, setEditing] = useState<{ type: SupplierType; config?: SupplierView }>();
  const [browsing, setBrowsing] = useState<SupplierView>();
  const [syncing, setSyncing] = useState<SupplierView>();
  const typeOf = (id?: string) => types.data?.find((ty) => ty.id === id);
  const close = (changed: boolean) => {
    setEditing(undefined);
    if (changed) {
      configs.reload();
    }
  };
  return (
    <section>
      <h2>{t('nav.suppliers')}</h2>
      <p class="muted">{t('suppliers.intro')}</p>
      <Loading loaded={types}>
        {(all) => (
          <>
            <h3>{t('plugins.configured')}</h3>
            <Loading loaded={configs}>
              {(list) => (
                <ListTable
                  items={list}
                  empty={t('plugins.none')}
                  headers={[t('channels.name'), t('channels.type'), t('channels.state'), t('channels.updated'), null]}
                  row={(c) => {
                    const type = typeOf(c.connector);
                    return (
                      <tr>
                        <td>{c.name}</td>
                        <td>{type ? loc(type.name) : c.connector}</td>
                        <td>
                          <ConfigState config={c} />
                        </td>
                        <td>{formatTime(c.updatedAt)}</td>
                        <td class="actions">
                          <button class="small" onClick={() => setBrowsing(c)}>
                            {t('suppliers.catalogue')}
                          </button>{' '}
                          <button class="small secondary" onClick={() => setSyncing(c)} data-sync={c.name}>
                            {t('sync.status')}
                          </button>{' '}
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
              )}
            </Loading>
            <h3>{t('plugins.available')}</h3>
            {all.length === 0 && <p class="muted">{t('plugins.noneOffered')}</p>}
            <div class="cards">
              {all.map((type) => (
                <article class="card">
                  <header>
                    <strong>{loc(type.name)}</strong> {type.pluginVersion && <small class="muted">v{type.pluginVersion}</small>}
                  </header>
                  <p>
                    <code>{type.id}</code>
                  </p>
                  <button class="small" onClick={() => setEditing({ type })} data-supplier-type={type.id}>
                    {t('channels.add')}
                  </button>
                </article>
              ))}
            </div>
          </>
        )}
      </Loading>
      {syncing && <SupplierSync key={syncing.id} slug={props.slug} supplier={syncing} />}
      {browsing && <Catalogue slug={props.slug} supplier={browsing} />}
      {editing && (
        <ConfigForm
          testId="supplier-form"
          title={editing.config ? t('channels.edit', { name: editing.config.name ?? '' }) : t('plugins.new', { type: loc(editing.type.name) })}
          defaultName={loc(editing.type.name)}
          fields={(editing.type.fields ?? []).map((f) => ({ ...f, type: f.secret ? 'SECRET' : f.type }))}
          current={editing.config}
          onClose={close}
          save={(body) =>
            editing.config
              ? call(client.PATCH('/api/shops/{slug}/suppliers/{id}', { params: { path: { ...path, id: editing.config.id! } }, body }))
              : call(client.POST('/api/shops/{slug}/suppliers', { params: { path }, body: { connector: editing.type.id, name: body.name, values: body.values } }))
          }
        />
      )}
    </section>
  );
}

function Catalogue(props: { slug: string; supplier: SupplierView }) {
  const path = { slug: props.slug, id: props.supplier.id! };
  const items = useLoad(() => call(client.GET('/api/shops/{slug}/suppliers/{id}/catalogue', { params: { path } })), [props.supplier.id]);
  const [importing, setImporting] = useState<ItemView>();
  const [imported, setImported] = useState<string>();
  return (
    <article>
      <header>
        <strong>{t('suppliers.catalogueOf', { name: props.supplier.name ?? '' })}</strong>
      </header>
      {imported && (
        <p class="notice ok" role="status">
          {imported}
        </p>
      )}
      <Loading loaded={items}>
        {(list) => (
          <table>
            <thead>
              <tr>
                <th>{t('suppliers.item')}</th>
                <th>{t('suppliers.cost')}</th>
                <th>{t('suppliers.stock')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((item) => (
                <tr>
                  <td>
                    {item.name} <small class="muted">{item.upstreamId}</small>
                  </td>
                  <td>{formatMoney(item.price as Money)}</td>
                  <td>{item.stock}</td>
                  <td class="actions">
                    <button class="small" onClick={() => setImporting(item)}>
                      {t('suppliers.import')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
      {importing && (
        <ImportForm
          slug={props.slug}
          supplierId={props.supplier.id!}
          item={importing}
          onClose={() => setImporting(undefined)}
          onDone={() => {
            setImporting(undefined);
            setImported(t('suppliers.imported'));
          }}
        />
      )}
    </article>
  );
}

function ImportForm(props: { slug: string; supplierId: string; item: ItemView; onClose: () => void; onDone: () => void }) {
  const [kind, setKind] = useState('PERCENT');
  const [value, setValue] = useState('');
  const action = useAction();
  const err = action.error;
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await action.run(() =>
      call(
        client.POST('/api/shops/{slug}/suppliers/{id}/imports', {
          params: { path: { slug: props.slug, id: props.supplierId } },
          body: { upstreamItemId: props.item.upstreamId, markupKind: kind, markupValue: value },
        }),
      ),
    );
    if (done !== undefined) {
      props.onDone();
    }
  };
  return (
    <Modal title={t('suppliers.importItem', { name: props.item.name ?? '' })} onClose={props.onClose}>
      <form onSubmit={submit}>
        <p>
          {t('suppliers.cost')}: <strong>{formatMoney(props.item.price as Money)}</strong>
        </p>
        <Field label={t('suppliers.markupKind')} name="markupKind" error={err}>
          <select name="markupKind" value={kind} onChange={(e) => setKind(e.currentTarget.value)} aria-invalid={invalid(err, 'markupKind')}>
            <option value="PERCENT">{t('suppliers.markupPercent')}</option>
            <option value="FIXED">{t('suppliers.markupFixed')}</option>
            <option value="FIXED_PRICE">{t('suppliers.markupFixedPrice')}</option>
          </select>
        </Field>
        <Field label={t('suppliers.markupValue')} name="markupValue" error={err}>
          <input name="markupValue" value={value} inputMode="decimal" placeholder={kind === 'PERCENT' ? '20' : '1.50'} onInput={(e) => setValue(e.currentTarget.value)} aria-invalid={invalid(err, 'markupValue')} />
        </Field>
        <ErrorBox error={err} fields={['markupKind', 'markupValue']} />
        <button type="submit" aria-busy={action.busy} disabled={action.busy}>
          {t('suppliers.import')}
        </button>
      </form>
    </Modal>
  );
}
