import { useState } from 'preact/hooks';
import { client, call, type Schemas } from '../api/client';
import { t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, Field, invalid, Loading, Modal } from '../ui/parts';

type Catalog = Schemas['CatalogView'];
type Product = Schemas['ProductView'];
type Sku = Schemas['SkuView'];

const FULFILMENTS = ['CARD_KEY', 'MANUAL', 'UPSTREAM'] as const;

/** The ids with one moved a step up (-1) or down (+1); the order the shop shows them in. */
function moved(ids: string[], id: string, step: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) {
    return ids;
  }
  const next = [...ids];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** The ids with one dropped onto another: it takes that one's place, the rest keep their order. */
function dropped(ids: string[], id: string, target: string): string[] {
  const from = ids.indexOf(id);
  const to = ids.indexOf(target);
  if (from < 0 || to < 0 || from === to) {
    return ids;
  }
  const next = ids.filter((x) => x !== id);
  next.splice(to, 0, id);
  return next;
}

export function Catalogue(props: { slug: string }) {
  const slug = props.slug;
  const loaded = useLoad(
    () => call(client.GET('/api/shops/{slug}/catalog', { params: { path: { slug } } })),
    [slug],
  );
  const [editing, setEditing] = useState<
    | { kind: 'category'; id?: string; name?: string }
    | { kind: 'product'; product?: Product }
    | { kind: 'sku'; productId: string; sku?: Sku }
    | undefined
  >();
  // The product being dragged onto another of its category to reorder the shop's list.
  const [dragging, setDragging] = useState<Product | undefined>();
  const action = useAction();
  const close = (changed: boolean) => {
    setEditing(undefined);
    if (changed) {
      loaded.reload();
    }
  };
  const act = async (work: () => Promise<unknown>) => {
    if ((await action.run(work)) !== undefined) {
      loaded.reload();
    }
  };
  const path = { slug };

  return (
    <section>
      <header class="screen-header">
        <h2>{t('nav.catalog')}</h2>
        <div role="group">
          <button class="secondary" onClick={() => setEditing({ kind: 'category' })}>
            {t('catalog.newCategory')}
          </button>
          <button onClick={() => setEditing({ kind: 'product' })}>{t('catalog.newProduct')}</button>
        </div>
      </header>
      <ErrorBox error={action.error} />
      <Loading loaded={loaded}>
        {(catalog: Catalog) => {
          const categories = catalog.categories ?? [];
          const products = catalog.products ?? [];
          const groups = [
            ...categories.map((c) => ({ id: c.id, name: c.name, products: products.filter((p) => p.categoryId === c.id) })),
            { id: undefined, name: t('catalog.uncategorised'), products: products.filter((p) => !p.categoryId) },
          ].filter((g) => g.id !== undefined || g.products.length > 0);
          if (groups.length === 0) {
            return <p class="muted">{t('catalog.empty')}</p>;
          }
          return groups.map((group) => (
            <article class="category">
              <header class="screen-header">
                <h3>{group.name}</h3>
                {group.id && (
                  <div role="group">
                    <button
                      class="secondary outline small"
                      onClick={() => setEditing({ kind: 'category', id: group.id, name: group.name })}
                    >
                      {t('action.rename')}
                    </button>
                    <button
                      class="secondary outline small"
                      disabled={action.busy}
                      onClick={() =>
                        confirm(t('catalog.confirmDeleteCategory', { name: group.name ?? '' })) &&
                        act(() =>
                          call(
                            client.DELETE('/api/shops/{slug}/catalog/categories/{categoryId}', {
                              params: { path: { ...path, categoryId: group.id! } },
                            }),
                          ).then(() => true),
                        )
                      }
                    >
                      {t('action.delete')}
                    </button>
                  </div>
                )}
              </header>
              {group.products.length === 0 && <p class="muted">{t('catalog.noProducts')}</p>}
              {group.products.map((p) => (
                <div
                  class={dragging?.id === p.id ? 'product dragging' : 'product'}
                  data-product={p.id}
                  draggable={!action.busy}
                  onDragStart={(e) => {
                    setDragging(p);
                    e.dataTransfer?.setData('text/plain', p.id!);
                  }}
                  onDragEnd={() => setDragging(undefined)}
                  onDragOver={(e) => {
                    // Only another product of the same category may land here (a category shows its
                    // own products in the shop's order); anything else keeps the browser's default.
                    if (dragging && dragging.id !== p.id && dragging.categoryId === p.categoryId) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    const from = dragging?.id;
                    setDragging(undefined);
                    if (!from || from === p.id) return;
                    act(() =>
                      call(
                        client.PUT('/api/shops/{slug}/catalog/products/order', {
                          params: { path },
                          body: { ids: dropped(products.map((x) => x.id!), from, p.id!) },
                        }),
                      ).then(() => true),
                    );
                  }}
                >
                  <div class="screen-header">
                    <div>
                      <span class="drag-handle" title={t('catalog.dragHint')} aria-hidden="true">
                        ⠿
                      </span>{' '}
                      <strong>{p.name}</strong> <Badge>{t(`fulfilment.${p.fulfilment ?? 'CARD_KEY'}`)}</Badge>{' '}
                      {!p.visible && <Badge tone="warn">{t('catalog.hidden')}</Badge>}
                    </div>
                    <div role="group">
                      {(['up', 'down'] as const).map((dir) => (
                        <button
                          class="secondary outline small"
                          aria-label={t(dir === 'up' ? 'catalog.moveUp' : 'catalog.moveDown')}
                          title={t(dir === 'up' ? 'catalog.moveUp' : 'catalog.moveDown')}
                          disabled={action.busy}
                          onClick={() =>
                            act(() =>
                              call(
                                client.PUT('/api/shops/{slug}/catalog/products/order', {
                                  params: { path },
                                  body: { ids: moved(products.map((x) => x.id!), p.id!, dir === 'up' ? -1 : 1) },
                                }),
                              ).then(() => true),
                            )
                          }
                        >
                          {dir === 'up' ? '↑' : '↓'}
                        </button>
                      ))}
                      <button class="secondary outline small" onClick={() => setEditing({ kind: 'product', product: p })}>
                        {t('action.edit')}
                      </button>
                      <button
                        class="secondary outline small"
                        disabled={action.busy}
                        onClick={() =>
                          act(() =>
                            call(
                              client.PUT('/api/shops/{slug}/catalog/products/{productId}/visibility', {
                                params: { path: { ...path, productId: p.id! } },
                                body: { visible: !p.visible },
                              }),
                            ).then(() => true),
                          )
                        }
                      >
                        {p.visible ? t('catalog.hide') : t('catalog.show')}
                      </button>
                      <button class="small" onClick={() => setEditing({ kind: 'sku', productId: p.id! })}>
                        {t('catalog.newSku')}
                      </button>
                    </div>
                  </div>
                  {(p.skus ?? []).length > 0 && (
                    <table class="skus">
                      <thead>
                        <tr>
                          <th>{t('catalog.sku')}</th>
                          <th>{t('catalog.price')}</th>
                          <th>{t('catalog.quantity')}</th>
                          {p.fulfilment === 'CARD_KEY' && <th>{t('catalog.stock')}</th>}
                          <th>{t('catalog.visible')}</th>
                          <th />
                        </tr>
                      </thead>
                      <tbody>
                        {p.skus!.map((s) => (
                          <tr>
                            <td>
                              {s.name} {s.loopKey && <Badge>{t('catalog.loopKey')}</Badge>}
                            </td>
                            <td>
                              {s.price} {s.currency}
                              {(s.tiers ?? []).length > 0 && <small class="muted"> · {t('catalog.tiers', { n: s.tiers!.length })}</small>}
                            </td>
                            <td>
                              {s.minQuantity}–{s.maxQuantity}
                            </td>
                            {p.fulfilment === 'CARD_KEY' && (
                              <td>
                                <a href={`/admin/shops/${slug}/keys?sku=${s.id}`}>
                                  {t('catalog.available', { n: (s.stock as { available?: number } | undefined)?.available ?? 0 })}
                                </a>
                              </td>
                            )}
                            <td>
                              <input
                                type="checkbox"
                                role="switch"
                                checked={s.visible}
                                disabled={action.busy}
                                aria-label={t('catalog.visible')}
                                onChange={() =>
                                  act(() =>
                                    call(
                                      client.PUT('/api/shops/{slug}/catalog/skus/{skuId}/visibility', {
                                        params: { path: { ...path, skuId: s.id! } },
                                        body: { visible: !s.visible },
                                      }),
                                    ).then(() => true),
                                  )
                                }
                              />
                            </td>
                            <td class="actions">
                              <button
                                class="secondary outline small"
                                aria-label={t('catalog.moveUp')}
                                title={t('catalog.moveUp')}
                                disabled={action.busy}
                                onClick={() =>
                                  act(() =>
                                    call(
                                      client.PUT('/api/shops/{slug}/catalog/products/{productId}/skus/order', {
                                        params: { path: { ...path, productId: p.id! } },
                                        body: { ids: moved(p.skus!.map((x) => x.id!), s.id!, -1) },
                                      }),
                                    ).then(() => true),
                                  )
                                }
                              >
                                ↑
                              </button>{' '}
                              <button class="secondary outline small" onClick={() => setEditing({ kind: 'sku', productId: p.id!, sku: s })}>
                                {t('action.edit')}
                              </button>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              ))}
            </article>
          ));
        }}
      </Loading>
      {editing?.kind === 'category' && <CategoryForm slug={slug} id={editing.id} name={editing.name} onClose={close} />}
      {editing?.kind === 'product' && (
        <ProductForm slug={slug} product={editing.product} categories={loaded.data?.categories ?? []} onClose={close} />
      )}
      {editing?.kind === 'sku' && <SkuForm slug={slug} productId={editing.productId} sku={editing.sku} onClose={close} />}
    </section>
  );
}

function CategoryForm(props: { slug: string; id?: string; name?: string; onClose: (changed: boolean) => void }) {
  const [name, setName] = useState(props.name ?? '');
  const action = useAction();
  const save = async (e: Event) => {
    e.preventDefault();
    const path = { slug: props.slug };
    const done = await action.run(() =>
      props.id
        ? call(client.PUT('/api/shops/{slug}/catalog/categories/{categoryId}', { params: { path: { ...path, categoryId: props.id! } }, body: { name } }))
        : call(client.POST('/api/shops/{slug}/catalog/categories', { params: { path }, body: { name } })),
    );
    if (done !== undefined) {
      props.onClose(true);
    }
  };
  return (
    <Modal title={props.id ? t('catalog.renameCategory') : t('catalog.newCategory')} onClose={() => props.onClose(false)}>
      <form onSubmit={save}>
        <Field label={t('catalog.name')} name="name" error={action.error}>
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} aria-invalid={invalid(action.error, 'name')} />
        </Field>
        <ErrorBox error={action.error} fields={['name']} />
        <button type="submit" aria-busy={action.busy} disabled={action.busy}>
          {t('action.save')}
        </button>
      </form>
    </Modal>
  );
}

function ProductForm(props: {
  slug: string;
  product?: Product;
  categories: Schemas['Category'][];
  onClose: (changed: boolean) => void;
}) {
  const p = props.product;
  const [draft, setDraft] = useState({
    name: p?.name ?? '',
    description: p?.description ?? '',
    categoryId: p?.categoryId ?? '',
    fulfilment: (p?.fulfilment as string) ?? 'CARD_KEY',
  });
  const action = useAction();
  const set = (k: keyof typeof draft) => (e: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [k]: e.currentTarget.value });
  const save = async (e: Event) => {
    e.preventDefault();
    const body = { ...draft, categoryId: draft.categoryId || undefined };
    const path = { slug: props.slug };
    const done = await action.run(() =>
      p
        ? call(client.PUT('/api/shops/{slug}/catalog/products/{productId}', { params: { path: { ...path, productId: p.id! } }, body }))
        : call(client.POST('/api/shops/{slug}/catalog/products', { params: { path }, body })),
    );
    if (done !== undefined) {
      props.onClose(true);
    }
  };
  const remove = async () => {
    if (!p || !confirm(t('catalog.confirmDeleteProduct', { name: p.name ?? '' }))) {
      return;
    }
    const done = await action.run(() =>
      call(client.DELETE('/api/shops/{slug}/catalog/products/{productId}', { params: { path: { slug: props.slug, productId: p.id! } } })).then(() => true),
    );
    if (done) {
      props.onClose(true);
    }
  };
  return (
    <Modal title={p ? t('catalog.editProduct') : t('catalog.newProduct')} onClose={() => props.onClose(false)}>
      <form onSubmit={save}>
        <Field label={t('catalog.name')} name="name" error={action.error}>
          <input value={draft.name} onInput={set('name')} aria-invalid={invalid(action.error, 'name')} />
        </Field>
        <Field label={t('catalog.category')} name="categoryId" error={action.error}>
          <select value={draft.categoryId} onChange={set('categoryId')} aria-invalid={invalid(action.error, 'categoryId')}>
            <option value="">{t('catalog.uncategorised')}</option>
            {props.categories.map((c) => (
              <option value={c.id}>{c.name}</option>
            ))}
          </select>
        </Field>
        <Field label={t('catalog.fulfilment')} name="fulfilment" error={action.error}>
          <select value={draft.fulfilment} onChange={set('fulfilment')} aria-invalid={invalid(action.error, 'fulfilment')}>
            {FULFILMENTS.map((f) => (
              <option value={f}>{t(`fulfilment.${f}`)}</option>
            ))}
          </select>
        </Field>
        <Field label={t('catalog.description')} name="description" error={action.error}>
          <textarea value={draft.description} onInput={set('description')} aria-invalid={invalid(action.error, 'description')} />
        </Field>
        <ErrorBox error={action.error} fields={['name', 'categoryId', 'fulfilment', 'description']} />
        <div class="form-actions">
          <button type="submit" aria-busy={action.busy} disabled={action.busy}>
            {t('action.save')}
          </button>
          {p && (
            <button type="button" class="secondary outline" onClick={remove} disabled={action.busy}>
              {t('action.delete')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}

const SKU_FIELDS = ['name', 'price', 'currency', 'cost', 'minQuantity', 'maxQuantity', 'loopKey', 'lowStockThreshold'];

function SkuForm(props: { slug: string; productId: string; sku?: Sku; onClose: (changed: boolean) => void }) {
  const s = props.sku;
  const [draft, setDraft] = useState({
    name: s?.name ?? '',
    price: s?.price ?? '',
    currency: s?.currency ?? 'CNY',
    cost: s?.cost ?? '',
    minQuantity: String(s?.minQuantity ?? 1),
    maxQuantity: String(s?.maxQuantity ?? 10),
    loopKey: s?.loopKey ?? false,
    lowStockThreshold: String(s?.lowStockThreshold ?? 5),
  });
  const initialTiers = (s?.tiers ?? []).map((tier) => ({ minQuantity: String(tier.minQuantity ?? ''), price: tier.price ?? '' }));
  const [tiers, setTiers] = useState(initialTiers);
  const tierAction = useAction();
  const action = useAction();
  const set = (k: keyof typeof draft) => (e: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [k]: e.currentTarget.value });
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
  const save = async (e: Event) => {
    e.preventDefault();
    const body = {
      name: draft.name,
      price: draft.price,
      currency: draft.currency,
      cost: draft.cost || undefined,
      minQuantity: num(draft.minQuantity),
      maxQuantity: num(draft.maxQuantity),
      loopKey: draft.loopKey,
      lowStockThreshold: num(draft.lowStockThreshold),
    };
    const done = (await action.run(() =>
      s
        ? call(client.PUT('/api/shops/{slug}/catalog/skus/{skuId}', { params: { path: { slug: props.slug, skuId: s.id! } }, body }))
        : call(
            client.POST('/api/shops/{slug}/catalog/products/{productId}/skus', {
              params: { path: { slug: props.slug, productId: props.productId } },
              body,
            }),
          ),
    )) as { id?: string } | undefined;
    if (done === undefined) {
      return;
    }
    // Tiers are their own request: their errors (tiers[1].price) show in their own section.
    if (JSON.stringify(tiers) !== JSON.stringify(initialTiers)) {
      const saved = await tierAction.run(() =>
        call(
          client.PUT('/api/shops/{slug}/catalog/skus/{skuId}/tiers', {
            params: { path: { slug: props.slug, skuId: (s?.id ?? done.id)! } },
            body: { tiers: tiers.map((tier) => ({ minQuantity: num(tier.minQuantity), price: tier.price })) },
          }),
        ),
      );
      if (saved === undefined) {
        return;
      }
    }
    props.onClose(true);
  };
  const remove = async () => {
    if (!s || !confirm(t('catalog.confirmDeleteSku', { name: s.name ?? '' }))) {
      return;
    }
    const done = await action.run(() =>
      call(client.DELETE('/api/shops/{slug}/catalog/skus/{skuId}', { params: { path: { slug: props.slug, skuId: s.id! } } })).then(() => true),
    );
    if (done) {
      props.onClose(true);
    }
  };
  const e = action.error;
  return (
    <Modal title={s ? t('catalog.editSku') : t('catalog.newSku')} onClose={() => props.onClose(false)}>
      <form onSubmit={save}>
        <Field label={t('catalog.name')} name="name" error={e}>
          <input value={draft.name} onInput={set('name')} aria-invalid={invalid(e, 'name')} />
        </Field>
        <div class="grid">
          <Field label={t('catalog.price')} name="price" error={e}>
            <input inputMode="decimal" placeholder="9.90" value={draft.price} onInput={set('price')} aria-invalid={invalid(e, 'price')} />
          </Field>
          <Field label={t('catalog.currency')} name="currency" error={e}>
            <input value={draft.currency} maxLength={3} onInput={set('currency')} aria-invalid={invalid(e, 'currency')} />
          </Field>
          <Field label={t('catalog.cost')} name="cost" error={e}>
            <input inputMode="decimal" value={draft.cost} onInput={set('cost')} aria-invalid={invalid(e, 'cost')} />
          </Field>
        </div>
        <div class="grid">
          <Field label={t('catalog.minQuantity')} name="minQuantity" error={e}>
            <input type="number" value={draft.minQuantity} onInput={set('minQuantity')} aria-invalid={invalid(e, 'minQuantity')} />
          </Field>
          <Field label={t('catalog.maxQuantity')} name="maxQuantity" error={e}>
            <input type="number" value={draft.maxQuantity} onInput={set('maxQuantity')} aria-invalid={invalid(e, 'maxQuantity')} />
          </Field>
          <Field label={t('catalog.lowStockThreshold')} name="lowStockThreshold" error={e}>
            <input
              type="number"
              value={draft.lowStockThreshold}
              onInput={set('lowStockThreshold')}
              aria-invalid={invalid(e, 'lowStockThreshold')}
            />
          </Field>
        </div>
        <Field label="" name="loopKey" error={e}>
          <span>
            <input
              type="checkbox"
              role="switch"
              checked={draft.loopKey}
              onChange={(ev) => setDraft({ ...draft, loopKey: ev.currentTarget.checked })}
            />{' '}
            {t('catalog.loopKeyHint')}
          </span>
        </Field>
        <ErrorBox error={e} fields={SKU_FIELDS} />
        <fieldset class="tiers">
          <legend>{t('catalog.wholesale')}</legend>
          {tiers.map((tier, i) => (
            <div class="grid tier" data-field={`tiers[${i}]`}>
              <Field label={t('catalog.fromQuantity')} name={`tiers[${i}].minQuantity`} error={tierAction.error}>
                <input
                  type="number"
                  value={tier.minQuantity}
                  aria-invalid={invalid(tierAction.error, `tiers[${i}].minQuantity`)}
                  onInput={(ev) => setTiers(tiers.map((x, j) => (j === i ? { ...x, minQuantity: ev.currentTarget.value } : x)))}
                />
              </Field>
              <Field label={t('catalog.unitPrice')} name={`tiers[${i}].price`} error={tierAction.error}>
                <input
                  inputMode="decimal"
                  value={tier.price}
                  aria-invalid={invalid(tierAction.error, `tiers[${i}].price`)}
                  onInput={(ev) => setTiers(tiers.map((x, j) => (j === i ? { ...x, price: ev.currentTarget.value } : x)))}
                />
              </Field>
              <button type="button" class="secondary outline small" onClick={() => setTiers(tiers.filter((_, j) => j !== i))}>
                {t('action.delete')}
              </button>
            </div>
          ))}
          <button type="button" class="secondary outline small" onClick={() => setTiers([...tiers, { minQuantity: '', price: '' }])}>
            {t('catalog.addTier')}
          </button>
          <ErrorBox error={tierAction.error} fields={tiers.flatMap((_, i) => [`tiers[${i}].minQuantity`, `tiers[${i}].price`])} />
        </fieldset>
        <div class="form-actions">
          <button type="submit" aria-busy={action.busy || tierAction.busy} disabled={action.busy || tierAction.busy}>
            {t('action.save')}
          </button>
          {s && (
            <button type="button" class="secondary outline" onClick={remove} disabled={action.busy}>
              {t('action.delete')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
