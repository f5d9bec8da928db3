import { useEffect, useRef, useState } from 'preact/hooks';
import { client, call, raw, ApiError, type Schemas } from '../api/client';
import { currentLocale, t } from '../i18n';
import { asApiError, useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, Field, formatTime, invalid, Loading } from '../ui/parts';
import { Domains } from './Domains';
import { ShopImages } from './ShopImages';

type ThemeView = Schemas['ThemeView'];
type ThemeSetting = Schemas['ThemeSetting'];
type Values = Record<string, unknown>;

/** A theme's own text ({"en": …, "zh-CN": …}) in the admin's language. */
function text(map?: Record<string, string> | null): string {
  if (!map) {
    return '';
  }
  return (currentLocale() === 'zh-CN' ? map['zh-CN'] : map.en) ?? map.en ?? map['zh-CN'] ?? '';
}

function defaults(theme: ThemeView): Values {
  const values: Values = {};
  for (const s of theme.settings ?? []) {
    values[s.id!] = s.defaultValue;
  }
  return values;
}

/**
 * The shop's storefront theme: pick one of the platform's themes and change the settings its
 * theme.json declares. The server checks every setting and names a refused one (settings.<id>),
 * shown next to its field.
 */
export function Storefront(props: { slug: string }) {
  const path = { slug: props.slug };
  const themes = useLoad(() => call(client.GET('/api/shops/{slug}/themes', { params: { path } })), [props.slug]);
  const current = useLoad(() => call(client.GET('/api/shops/{slug}/theme', { params: { path } })), [props.slug]);
  // Counts uploads, so the image list reads again after one.
  const [uploads, setUploads] = useState(0);
  const inUse = Object.values(current.data?.settings ?? {}).filter((v): v is string => typeof v === 'string');
  return (
    <section>
      <h2>{t('nav.storefront')}</h2>
      <Loading loaded={themes}>
        {(all) => (
          <Loading loaded={current}>
            {(shop) => (
              <ThemeEditor
                slug={props.slug}
                themes={all}
                shop={shop}
                onSaved={() => current.reload()}
                onUploaded={() => setUploads((n) => n + 1)}
              />
            )}
          </Loading>
        )}
      </Loading>
      <ShopImages slug={props.slug} uploads={uploads} inUse={inUse} />
      <Domains slug={props.slug} />
    </section>
  );
}

function ThemeEditor(props: {
  slug: string;
  themes: ThemeView[];
  shop: Schemas['ShopThemeView'];
  onSaved: () => void;
  onUploaded: () => void;
}) {
  const [chosen, setChosen] = useState(props.shop.theme ?? props.themes[0]?.name ?? '');
  const theme = props.themes.find((th) => th.name === chosen) ?? props.themes[0];
  const initial = (name: string): Values => {
    const th = props.themes.find((x) => x.name === name);
    if (!th) {
      return {};
    }
    return name === props.shop.theme ? { ...defaults(th), ...(props.shop.settings ?? {}) } : defaults(th);
  };
  const [values, setValues] = useState<Values>(() => initial(chosen));
  const [saved, setSaved] = useState(false);
  useEffect(() => setValues(initial(chosen)), [chosen]);
  const action = useAction();
  const preview = usePreview(props.slug, chosen, values);
  const [uploadErrors, setUploadErrors] = useState<Record<string, ApiError | undefined>>({});
  const [uploading, setUploading] = useState<string>();
  // A save's refusal, else what the live preview refused: both name the setting at fault.
  const err = action.error ?? preview.error;
  const upload = async (id: string, file: File) => {
    setUploading(id);
    setUploadErrors({ ...uploadErrors, [id]: undefined });
    try {
      const response = await raw(`/api/shops/${encodeURIComponent(props.slug)}/images`, {
        method: 'POST',
        headers: { 'Content-Type': file.type || 'application/octet-stream' },
        body: file,
      });
      const image = (await response.json()) as { url: string };
      setValues((current) => ({ ...current, [id]: image.url }));
      props.onUploaded();
    } catch (e) {
      const error = asApiError(e);
      // The server names the upload "file"; here it belongs to the setting being uploaded for.
      setUploadErrors({ ...uploadErrors, [id]: new ApiError(error.status, error.title, error.detail, [{ field: id, message: error.detail }]) });
    } finally {
      setUploading(undefined);
    }
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const done = await action.run(() =>
      call(
        client.PUT('/api/shops/{slug}/theme', {
          params: { path: { slug: props.slug } },
          body: { theme: chosen, settings: values },
        }),
      ),
    );
    if (done !== undefined) {
      setSaved(true);
      props.onSaved();
    }
  };
  if (!theme) {
    return <p class="muted">{t('storefront.noThemes')}</p>;
  }
  const settings = theme.settings ?? [];
  return (
    <form onSubmit={save} data-testid="theme-form">
      <h3>{t('storefront.theme')}</h3>
      <div class="cards">
        {props.themes.map((th) => (
          <label class="card" data-theme={th.name}>
            <input
              type="radio"
              name="theme"
              value={th.name}
              checked={th.name === chosen}
              onChange={() => setChosen(th.name!)}
            />{' '}
            <strong>{text(th.label)}</strong> {th.name === props.shop.theme && <Badge tone="ok">{t('storefront.inUse')}</Badge>}
            <p class="muted">{text(th.description)}</p>
          </label>
        ))}
      </div>
      <div class="theme-editor">
        <div>
          <h3>{t('storefront.settings')}</h3>
          {settings.map((s) => (
            <Field label={text(s.label)} name={s.id!} error={uploadErrors[s.id!] ?? err}>
              <SettingInput
                setting={s}
                value={values[s.id!]}
                invalid={invalid(uploadErrors[s.id!] ?? err, s.id!)}
                onChange={(v) => setValues({ ...values, [s.id!]: v })}
              />
              {s.type === 'url' && (
                <span class="upload">
                  {typeof values[s.id!] === 'string' && String(values[s.id!]).startsWith('/assets/shop-images/') && (
                    <img src={String(values[s.id!])} alt="" class="thumb" />
                  )}
                  <input
                    type="file"
                    accept="image/png,image/jpeg,image/gif,image/webp"
                    aria-label={t('storefront.upload')}
                    data-upload={s.id}
                    disabled={uploading !== undefined}
                    onChange={(e) => {
                      const file = e.currentTarget.files?.[0];
                      e.currentTarget.value = '';
                      if (file) {
                        void upload(s.id!, file);
                      }
                    }}
                  />
                  <small class="muted">{uploading === s.id ? t('storefront.uploading') : t('storefront.uploadHint')}</small>
                </span>
              )}
            </Field>
          ))}
        </div>
        <div class="preview">
          <h3>
            {t('storefront.preview')}{' '}
            <select aria-label={t('storefront.previewPage')} value={preview.page} onChange={(e) => preview.setPage(e.currentTarget.value)}>
              {['home', 'product', 'order', 'lookup', 'error'].map((p) => (
                <option value={p}>{t(`previewPage.${p}`)}</option>
              ))}
            </select>{' '}
            {preview.busy && <small aria-busy="true">{t('storefront.previewUpdating')}</small>}
          </h3>
          {preview.error && (
            <p class="notice warn" role="status" data-testid="preview-error">
              {t('storefront.previewRefused')}
            </p>
          )}
          {/* No scripts, no same origin: the theme's page cannot reach the admin app. */}
          <iframe title={t('storefront.preview')} sandbox="" srcDoc={preview.html} data-testid="theme-preview" class="preview-frame" />
        </div>
      </div>
      <ErrorBox error={action.error} fields={['theme', ...settings.map((s) => s.id!)]} />
      {saved && (
        <p class="notice ok" role="status">
          {t('storefront.saved')}
        </p>
      )}
      <button type="submit" aria-busy={action.busy} disabled={action.busy}>
        {t('action.save')}
      </button>
      {props.shop.updatedAt && (
        <p class="muted">
          {t('storefront.lastChange', { at: formatTime(props.shop.updatedAt), by: props.shop.updatedBy ?? '' })}
        </p>
      )}
    </form>
  );
}

/**
 * The storefront page rendered with the settings as they stand in the form, unsaved: fetched again
 * a moment after the last change, the answer to an older request never shown over a newer one.
 */
function usePreview(slug: string, theme: string, settings: Values) {
  const [page, setPage] = useState('home');
  const [html, setHtml] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      setBusy(true);
      try {
        const response = await raw(`/api/shops/${encodeURIComponent(slug)}/theme/preview`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'text/html' },
          body: JSON.stringify({ theme, page, settings }),
        });
        const body = await response.text();
        if (request === latest.current) {
          setHtml(body);
          setError(undefined);
        }
      } catch (e) {
        if (request === latest.current) {
          setError(asApiError(e));
        }
      } finally {
        if (request === latest.current) {
          setBusy(false);
        }
      }
    }, 350);
    return () => clearTimeout(timer);
  }, [slug, theme, page, JSON.stringify(settings)]);
  return { page, setPage, html, error, busy };
}

function SettingInput(props: {
  setting: ThemeSetting;
  value: unknown;
  invalid?: true;
  onChange: (value: unknown) => void;
}) {
  const s = props.setting;
  const name = s.id;
  const str = props.value === undefined || props.value === null ? '' : String(props.value);
  const onText = (e: { currentTarget: { value: string } }) => props.onChange(e.currentTarget.value);
  switch (s.type) {
    case 'color':
      return (
        <span class="inline-color">
          <input type="color" aria-label={name} value={str || '#000000'} onInput={onText} />
          <input name={name} value={str} onInput={onText} aria-invalid={props.invalid} />
        </span>
      );
    case 'text':
      return s.multiline ? (
        <textarea name={name} value={str} maxLength={s.max || undefined} onInput={onText} aria-invalid={props.invalid} />
      ) : (
        <input name={name} value={str} maxLength={s.max || undefined} onInput={onText} aria-invalid={props.invalid} />
      );
    case 'url':
      // Text, not type=url: an uploaded image's address is a path on the shop's host, which the
      // browser's URL check would refuse; the server checks the value.
      return <input name={name} type="text" inputMode="url" value={str} placeholder="https://" onInput={onText} aria-invalid={props.invalid} />;
    case 'integer':
      return (
        <input
          name={name}
          type="number"
          min={s.min}
          max={s.max}
          value={str}
          onInput={(e) => props.onChange(e.currentTarget.value === '' ? '' : Number(e.currentTarget.value))}
          aria-invalid={props.invalid}
        />
      );
    case 'select':
      return (
        <select name={name} value={str} onChange={(e) => props.onChange(e.currentTarget.value)} aria-invalid={props.invalid}>
          {(s.options ?? []).map((o) => (
            <option value={o}>{o}</option>
          ))}
        </select>
      );
    case 'boolean':
      return (
        <input
          name={name}
          type="checkbox"
          role="switch"
          checked={props.value === true}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
      );
    case 'sections': {
      const on = Array.isArray(props.value) ? (props.value as string[]) : [];
      return (
        <span class="inline-checks">
          {(s.options ?? []).map((o) => (
            <label>
              <input
                type="checkbox"
                name={`${name}.${o}`}
                checked={on.includes(o)}
                onChange={(e) =>
                  props.onChange(
                    // Keep the theme's order for the sections that are on.
                    (s.options ?? []).filter((x) => (x === o ? e.currentTarget.checked : on.includes(x))),
                  )
                }
              />{' '}
              {o}
            </label>
          ))}
        </span>
      );
    }
    default:
      return <input name={name} value={str} onInput={onText} aria-invalid={props.invalid} />;
  }
}
