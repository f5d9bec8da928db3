import { client, call, raw } from '../api/client';
import { t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { ListTable } from '../ui/ListTable';
import { Badge, ErrorBox, formatTime, Loading } from '../ui/parts';

/**
 * The storefront images the shop uploaded (logos, banners), newest first, with delete. An image a
 * saved theme setting still names is marked: deleting it leaves that place empty on the storefront.
 */
export function ShopImages(props: { slug: string; uploads: number; inUse: string[] }) {
  const images = useLoad(() => call(client.GET('/api/shops/{slug}/images', { params: { path: { slug: props.slug } } })), [props.slug, props.uploads]);
  const action = useAction();
  const remove = async (id: string, used: boolean) => {
    if (!confirm(used ? t('images.confirmDeleteInUse') : t('images.confirmDelete'))) {
      return;
    }
    const done = await action.run(() => raw(`/api/shops/${encodeURIComponent(props.slug)}/images/${id}`, { method: 'DELETE' }));
    // Also read again after a 404: someone else deleted it meanwhile.
    if (done !== undefined || action.error?.status === 404) {
      images.reload();
    }
  };
  return (
    <article data-testid="shop-images">
      <header>
        <strong>{t('images.title')}</strong>
      </header>
      <ErrorBox error={action.error} />
      <Loading loaded={images}>
        {(list) => (
          <ListTable
            items={list}
            empty={t('images.none')}
            headers={[t('images.image'), t('images.address'), t('images.size'), t('images.uploaded'), null]}
            row={(image) => {
              const used = props.inUse.includes(image.url ?? '');
              return (
                <tr data-image={image.url}>
                  <td>
                    <img src={image.url} alt="" class="thumb" />
                  </td>
                  <td>
                    <code>{image.url}</code> {used && <Badge tone="ok">{t('storefront.inUse')}</Badge>}
                  </td>
                  <td>
                    {image.contentType} · {Math.max(1, Math.round((image.size ?? 0) / 1024))} KB
                  </td>
                  <td>{formatTime(image.createdAt)}</td>
                  <td class="actions">
                    <button class="secondary outline small" disabled={action.busy} onClick={() => remove(image.id!, used)}>
                      {t('action.delete')}
                    </button>
                  </td>
                </tr>
              );
            }}
          />
        )}
      </Loading>
    </article>
  );
}
