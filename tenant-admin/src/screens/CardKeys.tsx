import { useEffect, useState } from 'preact/hooks';
import { accessToken } from '../auth';
import { ApiError, client, call, raw, toApiError } from '../api/client';
import { t } from '../i18n';
import { navigate } from '../router';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, formatTime, Loading } from '../ui/parts';

interface Rejection {
  line: number;
  reason: string;
  message: string;
}

interface Report {
  status: string;
  linesProcessed: number;
  imported: number;
  duplicates: number;
  rejected: number;
  rejections: Rejection[];
  startedAt?: string;
  finishedAt?: string;
}

export function CardKeys(props: { slug: string }) {
  const slug = props.slug;
  const catalog = useLoad(() => call(client.GET('/api/shops/{slug}/catalog', { params: { path: { slug } } })), [slug]);
  const params = new URLSearchParams(location.search);
  const skus = (catalog.data?.products ?? [])
    .filter((p) => p.fulfilment === 'CARD_KEY')
    .flatMap((p) => (p.skus ?? []).map((s) => ({ id: s.id!, label: `${p.name} · ${s.name}`, loopKey: s.loopKey })));
  const skuId = params.get('sku') ?? skus[0]?.id;
  const pick = (id: string) => navigate(`/admin/shops/${slug}/keys?sku=${id}`, true);

  return (
    <section>
      <h2>{t('nav.keys')}</h2>
      <Loading loaded={catalog}>
        {() =>
          skus.length === 0 ? (
            <p class="muted">{t('keys.noSkus')}</p>
          ) : (
            <>
              <label>
                {t('keys.sku')}
                <select value={skuId} onChange={(e) => pick(e.currentTarget.value)} name="sku">
                  {skus.map((s) => (
                    <option value={s.id}>{s.label}</option>
                  ))}
                </select>
              </label>
              {skuId && <SkuKeys key={skuId} slug={slug} skuId={skuId} />}
            </>
          )
        }
      </Loading>
    </section>
  );
}

function SkuKeys(props: { slug: string; skuId: string }) {
  const path = { slug: props.slug, skuId: props.skuId };
  const stock = useLoad(() => call(client.GET('/api/shops/{slug}/skus/{skuId}/keys/stock', { params: { path } })), [props.skuId]);
  const action = useAction();
  const [notice, setNotice] = useState<string>();
  const [listVersion, setListVersion] = useState(0);

  const exportUnsold = () =>
    action.run(async () => {
      const response = await raw(`/api/shops/${props.slug}/skus/${props.skuId}/keys/export`);
      const blob = await response.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `unsold-${props.skuId}.txt`;
      link.click();
      URL.revokeObjectURL(link.href);
      return true;
    });
  const deleteUnsold = async () => {
    if (!confirm(t('keys.confirmDelete'))) {
      return;
    }
    const result = await action.run(() => call(client.DELETE('/api/shops/{slug}/skus/{skuId}/keys/unsold', { params: { path } })));
    if (result) {
      setNotice(t('keys.deleted', { n: result.deleted ?? 0 }));
      stock.reload();
    }
  };

  return (
    <>
      <article>
        <header class="screen-header">
          <strong>{t('keys.stock')}</strong>
          <div role="group">
            <button class="secondary outline small" onClick={exportUnsold} disabled={action.busy}>
              {t('keys.export')}
            </button>
            <button class="secondary outline small" onClick={deleteUnsold} disabled={action.busy}>
              {t('keys.deleteUnsold')}
            </button>
          </div>
        </header>
        <ErrorBox error={action.error} />
        {notice && <p class="notice ok">{notice}</p>}
        <Loading loaded={stock}>
          {(s) => (
            <div class="stats compact">
              <div>
                <small>{t('keyState.AVAILABLE')}</small>
                <p class="figure" data-testid="available">{s.available}</p>
              </div>
              <div>
                <small>{t('keyState.RESERVED')}</small>
                <p class="figure">{s.reserved}</p>
              </div>
              <div>
                <small>{t('keyState.SOLD')}</small>
                <p class="figure">{s.sold}</p>
              </div>
            </div>
          )}
        </Loading>
        <small class="muted">{t('keys.masked')}</small>
      </article>
      <Import slug={props.slug} skuId={props.skuId} onDone={() => { stock.reload(); setListVersion((v) => v + 1); }} />
      <KeyList key={listVersion} slug={props.slug} skuId={props.skuId} />
    </>
  );
}

function Import(props: { slug: string; skuId: string; onDone: () => void }) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File>();
  const [upload, setUpload] = useState<number>();
  const [lines, setLines] = useState(0);
  const [importId, setImportId] = useState<string>();
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<ApiError>();

  const busy = upload !== undefined || (importId !== undefined && !report);

  const start = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setReport(undefined);
    const body: Blob = file ?? new Blob([text], { type: 'text/plain' });
    if (body.size === 0) {
      setError(new ApiError(400, t('keys.nothing'), t('keys.nothingDetail'), [{ field: 'keys', message: t('keys.nothingDetail') }]));
      return;
    }
    setLines(file ? await countLines(file) : text.split('\n').filter((l) => l.trim() !== '').length);
    setUpload(0);
    try {
      const accepted = await send(`/api/shops/${props.slug}/skus/${props.skuId}/keys/imports`, body, setUpload);
      setImportId(accepted.importId);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'Error', String(err), []));
    } finally {
      setUpload(undefined);
    }
  };

  // Follows the import until it is DONE or FAILED; the report replaces the progress bar.
  useEffect(() => {
    if (!importId) {
      return;
    }
    let live = true;
    const poll = async () => {
      try {
        const s = await call(
          client.GET('/api/shops/{slug}/skus/{skuId}/keys/imports/{importId}', {
            params: { path: { slug: props.slug, skuId: props.skuId, importId } },
          }),
        );
        if (!live) {
          return;
        }
        const current: Report = {
          status: s.status ?? 'RUNNING',
          linesProcessed: s.linesProcessed ?? 0,
          imported: s.imported ?? 0,
          duplicates: s.duplicates ?? 0,
          rejected: s.rejected ?? 0,
          rejections: s.rejectionsJson ? (JSON.parse(s.rejectionsJson) as Rejection[]) : [],
          startedAt: s.startedAt,
          finishedAt: s.finishedAt,
        };
        if (current.status === 'RUNNING') {
          setReport(undefined);
          setProgress(current.linesProcessed);
          timer = window.setTimeout(poll, 400);
        } else {
          setReport(current);
          setImportId(undefined);
          props.onDone();
        }
      } catch (err) {
        if (live) {
          setError(err instanceof ApiError ? err : new ApiError(0, 'Error', String(err), []));
          setImportId(undefined);
        }
      }
    };
    let timer = window.setTimeout(poll, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [importId]);
  const [progress, setProgress] = useState(0);

  return (
    <article>
      <header>
        <strong>{t('keys.import')}</strong>
      </header>
      <form onSubmit={start}>
        <label data-field="keys">
          {t('keys.paste')}
          <textarea
            name="keys"
            rows={6}
            placeholder={'AAAA-BBBB-CCCC\nDDDD-EEEE-FFFF  note'}
            value={text}
            disabled={busy || file !== undefined}
            onInput={(e) => setText(e.currentTarget.value)}
            aria-invalid={error?.field('keys') ? true : undefined}
          />
          <small>{error?.field('keys') ?? t('keys.format')}</small>
        </label>
        <label>
          {t('keys.file')}
          <input
            type="file"
            name="file"
            accept=".txt,.csv,text/plain"
            disabled={busy}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? undefined)}
          />
        </label>
        {upload !== undefined && (
          <div>
            <small>{t('keys.uploading', { pct: Math.round(upload * 100) })}</small>
            <progress value={upload} max={1} />
          </div>
        )}
        {importId && (
          <div>
            <small>{t('keys.processing', { done: progress, total: lines })}</small>
            <progress value={progress} max={Math.max(lines, progress, 1)} />
          </div>
        )}
        {error && !error.field('keys') && <ErrorBox error={error} />}
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t('keys.start')}
        </button>
      </form>
      {report && <ImportReport report={report} />}
    </article>
  );
}

function ImportReport(props: { report: Report }) {
  const r = props.report;
  return (
    <section class="report" data-testid="import-report">
      <h4>
        {t('keys.report')} <Badge tone={r.status === 'DONE' ? 'ok' : 'bad'}>{t(`importState.${r.status === 'DONE' ? 'DONE' : 'FAILED'}`)}</Badge>
      </h4>
      <div class="stats compact">
        <div>
          <small>{t('keys.imported')}</small>
          <p class="figure" data-testid="imported">{r.imported}</p>
        </div>
        <div>
          <small>{t('keys.duplicates')}</small>
          <p class="figure" data-testid="duplicates">{r.duplicates}</p>
        </div>
        <div>
          <small>{t('keys.rejected')}</small>
          <p class="figure" data-testid="rejected">{r.rejected}</p>
        </div>
      </div>
      <small class="muted">
        {formatTime(r.startedAt)} → {formatTime(r.finishedAt)}
      </small>
      {r.rejections.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('keys.line')}</th>
              <th>{t('keys.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {r.rejections.slice(0, 200).map((x) => (
              <tr>
                <td>{x.line}</td>
                <td>{x.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.rejected > r.rejections.length && <small>{t('keys.moreRejected', { n: r.rejected - r.rejections.length })}</small>}
    </section>
  );
}

async function countLines(file: File): Promise<number> {
  // Large files are counted in the browser without holding them as one string.
  let count = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    for (const byte of value) {
      if (byte === 10) {
        count++;
      }
    }
  }
  return count;
}

// fetch() cannot report upload progress; XMLHttpRequest can.
async function send(url: string, body: Blob, onProgress: (fraction: number) => void): Promise<{ importId: string }> {
  const token = await accessToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'text/plain');
    if (token) {
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    }
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'Network error', t('error.network'), []));
    xhr.onload = async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as { importId: string });
      } else {
        reject(await toApiError(new Response(null, { status: xhr.status, statusText: xhr.statusText }), parsed));
      }
    };
    xhr.send(body);
  });
}

interface ListedKey {
  id?: number;
  tag?: string;
  note?: string | null;
  status?: string;
  orderId?: string | null;
  createdAt?: string;
  soldAt?: string | null;
}

/** The SKU's keys one by one: never the key, unless the owner asks to see one (audited). */
function KeyList(props: { slug: string; skuId: string }) {
  const [status, setStatus] = useState('');
  const [pages, setPages] = useState<ListedKey[][]>([]);
  const [revealed, setRevealed] = useState<Record<number, string>>({});
  const more = useAction();
  const reveal = useAction();
  const path = { slug: props.slug, skuId: props.skuId };
  const first = useLoad(
    () => call(client.GET('/api/shops/{slug}/skus/{skuId}/key-list', { params: { path, query: { status: status || undefined, limit: 50 } } })),
    [props.skuId, status],
  );
  useEffect(() => setPages([]), [props.skuId, status]);
  const keys = [...(first.data ?? []), ...pages.flat()] as ListedKey[];
  const last = pages.length ? pages[pages.length - 1] : ((first.data ?? []) as ListedKey[]);
  const loadMore = async () => {
    const next = await more.run(() =>
      call(
        client.GET('/api/shops/{slug}/skus/{skuId}/key-list', {
          params: { path, query: { status: status || undefined, limit: 50, before: String(keys[keys.length - 1].id) } },
        }),
      ),
    );
    if (next) {
      setPages([...pages, next as ListedKey[]]);
    }
  };
  const show = async (id: number) => {
    const key = (await reveal.run(() =>
      call(client.POST('/api/shops/{slug}/skus/{skuId}/key-list/{keyId}/reveal', { params: { path: { ...path, keyId: String(id) } } })),
    )) as { key?: string } | undefined;
    if (key?.key !== undefined) {
      setRevealed({ ...revealed, [id]: key.key });
    }
  };
  return (
    <article>
      <header class="screen-header">
        <strong>{t('keys.list')}</strong>
        <select aria-label={t('orders.state')} value={status} onChange={(e) => setStatus(e.currentTarget.value)} class="inline-select">
          <option value="">{t('orders.allStates')}</option>
          {(['AVAILABLE', 'RESERVED', 'SOLD'] as const).map((s) => (
            <option value={s}>{t(`keyState.${s}`)}</option>
          ))}
        </select>
      </header>
      <ErrorBox error={reveal.error ?? more.error} />
      <Loading loaded={first}>
        {() =>
          keys.length === 0 ? (
            <p class="muted">{t('keys.none')}</p>
          ) : (
            <>
              <table data-testid="key-list">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t('keys.key')}</th>
                    <th>{t('keys.note')}</th>
                    <th>{t('orders.state')}</th>
                    <th>{t('keys.added')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {keys.map((k) => (
                    <tr>
                      <td>{k.id}</td>
                      <td>
                        {revealed[k.id!] !== undefined ? (
                          <code class="revealed">{revealed[k.id!]}</code>
                        ) : (
                          <span class="masked" title={t('keys.tagHint')}>
                            •••••••• <small class="muted">{k.tag}</small>
                          </span>
                        )}
                      </td>
                      <td>{k.note ?? ''}</td>
                      <td>
                        <Badge tone={k.status === 'AVAILABLE' ? 'ok' : k.status === 'SOLD' ? 'muted' : 'warn'}>
                          {t(`keyState.${k.status === 'SOLD' ? 'SOLD' : k.status === 'RESERVED' ? 'RESERVED' : 'AVAILABLE'}`)}
                        </Badge>
                        {k.orderId && (
                          <>
                            {' '}
                            <a href={`/admin/shops/${props.slug}/orders/${k.orderId}`}>{t('orders.order')}</a>
                          </>
                        )}
                      </td>
                      <td>{formatTime(k.createdAt)}</td>
                      <td class="actions">
                        {revealed[k.id!] === undefined ? (
                          <button class="secondary outline small" disabled={reveal.busy} onClick={() => show(k.id!)}>
                            {t('keys.reveal')}
                          </button>
                        ) : (
                          <button
                            class="secondary outline small"
                            onClick={() => {
                              const next = { ...revealed };
                              delete next[k.id!];
                              setRevealed(next);
                            }}
                          >
                            {t('keys.hide')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {last.length === 50 && (
                <button class="secondary small" onClick={loadMore} disabled={more.busy} aria-busy={more.busy}>
                  {t('keys.more')}
                </button>
              )}
              <small class="muted">{t('keys.revealAudited')}</small>
            </>
          )
        }
      </Loading>
    </article>
  );
}
