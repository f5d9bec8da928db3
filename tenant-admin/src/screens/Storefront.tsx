import { useEffect, useState } from 'preact/hooks';
import { client, call, type Schemas } from '../api/client';
import { currentLocale, t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, Field, formatTime, invalid, Loading } from '../ui/parts';
import { Domains } from './Domains';

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
  return (
    <section>
      <h2>{t('nav.storefront')}</h2>
      <Loading loaded={themes}>
        {(all) => (
          <Loading loaded={current}>
            {(shop) => <ThemeEditor slug={props.slug} themes={all} shop={shop} onSaved={() => current.reload()} />}
          </Loading>
        )}
      </Loading>
      <Domains slug={props.slug} />
    </section>
  );
}

function ThemeEditor(props: {
  slug: string;
  themes: ThemeView[];
  shop: Schemas['ShopThemeView'];
  onSaved: () => void;
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
  const err = action.error;
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
      <h3>{t('storefront.settings')}</h3>
      {settings.map((s) => (
        <Field label={text(s.label)} name={s.id!} error={err}>
          <SettingInput
            setting={s}
            value={values[s.id!]}
            invalid={invalid(err, s.id!)}
            onChange={(v) => setValues({ ...values, [s.id!]: v })}
          />
        </Field>
      ))}
      <ErrorBox error={err} fields={['theme', ...settings.map((s) => s.id!)]} />
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
      return <input name={name} type="url" value={str} placeholder="https://" onInput={onText} aria-invalid={props.invalid} />;
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
