import { useState } from 'preact/hooks';
import { client, call, type Schemas } from '../api/client';
import { t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { ChannelTopUps } from './ChannelTopUps';
import { Badge, ErrorBox, Field, formatMoney, formatTime, invalid, Loading, Modal, type Money } from '../ui/parts';
import { ListTable } from '../ui/ListTable';

type Reseller = Schemas['Reseller'];
type KeyView = Schemas['KeyView'];
type LevelRule = Schemas['LevelRule'];

/** A key pair as issued: the only answer that ever carries the secret. */
interface IssuedKey {
  keyId: string;
  secret: string;
  ratePerMinute: number;
}

const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

function discountText(kind?: string | null, value?: string | null, currency?: string): string {
  if (!kind) {
    return '—';
  }
  return kind === 'PERCENT_OFF' ? t('resellers.percentOff', { value: value ?? '' }) : t('resellers.fixedOff', { value: formatMoney({ amount: value ?? '0', currency }) });
}

/**
 * The shop's downstream resellers (docs/docking/reseller-api.md): accounts with their prepaid
 * balances, their API keys (the secret is shown once, when issued), top-ups, the wholesale rule of
 * each level and what resellers see of stock.
 */
export function Resellers(props: { slug: string }) {
  const path = { slug: props.slug };
  const list = useLoad(() => call(client.GET('/api/shops/{slug}/resellers', { params: { path } })), [props.slug]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Reseller>();
  const [keysOf, setKeysOf] = useState<Reseller>();
  const [topUpOf, setTopUpOf] = useState<Reseller>();
  const done = () => {
    setAdding(false);
    setEditing(undefined);
    setTopUpOf(undefined);
    list.reload();
  };
  return (
    <section>
      <header class="screen-header">
        <h2>{t('nav.resellers')}</h2>
        <button onClick={() => setAdding(true)} data-testid="add-reseller">
          {t('resellers.add')}
        </button>
      </header>
      <p class="muted">{t('resellers.intro')}</p>
      <Loading loaded={list}>
        {(resellers) => (
          <ListTable
            items={resellers}
            empty={t('resellers.none')}
            testId="resellers"
            headers={[t('resellers.name'), t('resellers.level'), t('resellers.discount'), t('resellers.status'), t('resellers.balance'), t('resellers.since'), null]}
            row={(r) => (
              <tr data-reseller={r.name}>
                <td>{r.name}</td>
                <td>{r.level}</td>
                <td>{r.discountKind ? discountText(r.discountKind, r.discountValue, r.balance?.currency) : <small class="muted">{t('resellers.byLevel')}</small>}</td>
                <td>
                  <Badge tone={r.status === 'ACTIVE' ? 'ok' : 'warn'}>{r.status === 'ACTIVE' ? t('resellers.active') : t('resellers.suspended')}</Badge>
                </td>
                <td>{formatMoney(r.balance as Money)}</td>
                <td>{formatTime(r.createdAt)}</td>
                <td class="actions">
                  <button class="small" onClick={() => setKeysOf(r)}>
                    {t('resellers.keys')}
                  </button>{' '}
                  <button class="secondary small" onClick={() => setTopUpOf(r)}>
                    {t('resellers.topUp')}
                  </button>{' '}
                  <button class="secondary outline small" onClick={() => setEditing(r)}>
                    {t('action.edit')}
                  </button>
                </td>
              </tr>
            )}
          />
        )}
      </Loading>
      {keysOf && <ApiKeys slug={props.slug} reseller={keysOf} />}
      <Levels slug={props.slug} />
      <StockShown slug={props.slug} />
      {(adding || editing) && <ResellerForm slug={props.slug} reseller={editing} onClose={() => { setAdding(false); setEditing(undefined); }} onSaved={done} />}
      {topUpOf && <TopUpForm slug={props.slug} reseller={topUpOf} onClose={() => setTopUpOf(undefined)} onSaved={done} />}
    </section>
  );
}

function ResellerForm(props: { slug: string; reseller?: Reseller; onClose: () => void; onSaved: () => void }) {
  const r = props.reseller;
  const [name, setName] = useState(r?.name ?? '');
  const [level, setLevel] = useState(String(r?.level ?? 1));
  const [kind, setKind] = useState(r?.discountKind ?? '');
  const [value, setValue] = useState(r?.discountValue ?? '');
  const [currency, setCurrency] = useState('');
  const [status, setStatus] = useState(r?.status ?? 'ACTIVE');
  const action = useAction();
  const err = action.error;
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = {
      name,
      level: level === '' ? undefined : Number(level),
      discountKind: kind || undefined,
      discountValue: kind ? value : undefined,
      currency: r ? undefined : currency.trim() || undefined,
      status,
    };
    const path = { slug: props.slug };
    const saved = await action.run(() =>
      r
        ? call(client.PUT('/api/shops/{slug}/resellers/{id}', { params: { path: { ...path, id: r.id! } }, body }))
        : call(client.POST('/api/shops/{slug}/resellers', { params: { path }, body })),
    );
    if (saved !== undefined) {
      props.onSaved();
    }
  };
  return (
    <Modal title={r ? t('resellers.edit', { name: r.name ?? '' }) : t('resellers.add')} onClose={props.onClose}>
      <form onSubmit={submit} data-testid="reseller-form">
        <Field label={t('resellers.name')} name="name" error={err}>
          <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} aria-invalid={invalid(err, 'name')} />
        </Field>
        <Field label={t('resellers.level')} name="level" error={err} hint={t('resellers.levelHint')}>
          <select name="level" value={level} onChange={(e) => setLevel(e.currentTarget.value)} aria-invalid={invalid(err, 'level')}>
            {LEVELS.map((l) => (
              <option value={String(l)}>{l}</option>
            ))}
          </select>
        </Field>
        <div class="grid">
          <Field label={t('resellers.ownDiscount')} name="discountKind" error={err}>
            <select name="discountKind" value={kind} onChange={(e) => setKind(e.currentTarget.value)} aria-invalid={invalid(err, 'discountKind')}>
              <option value="">{t('resellers.byLevel')}</option>
              <option value="PERCENT_OFF">{t('resellers.kindPercent')}</option>
              <option value="FIXED_OFF">{t('resellers.kindFixed')}</option>
            </select>
          </Field>
          <Field label={t('resellers.discountValue')} name="discountValue" error={err}>
            <input name="discountValue" value={value} disabled={!kind} inputMode="decimal" onInput={(e) => setValue(e.currentTarget.value)} aria-invalid={invalid(err, 'discountValue')} />
          </Field>
        </div>
        {!r && (
          <Field label={t('resellers.currency')} name="currency" error={err} hint={t('resellers.currencyHint')}>
            <input name="currency" value={currency} maxLength={3} placeholder="CNY" onInput={(e) => setCurrency(e.currentTarget.value.toUpperCase())} aria-invalid={invalid(err, 'currency')} />
          </Field>
        )}
        <Field label={t('resellers.status')} name="status" error={err}>
          <select name="status" value={status} onChange={(e) => setStatus(e.currentTarget.value)} aria-invalid={invalid(err, 'status')}>
            <option value="ACTIVE">{t('resellers.active')}</option>
            <option value="SUSPENDED">{t('resellers.suspended')}</option>
          </select>
        </Field>
        <ErrorBox error={err} fields={['name', 'level', 'discountKind', 'discountValue', 'currency', 'status']} />
        <button type="submit" aria-busy={action.busy} disabled={action.busy}>
          {t('action.save')}
        </button>
      </form>
    </Modal>
  );
}

function TopUpForm(props: { slug: string; reseller: Reseller; onClose: () => void; onSaved: () => void }) {
  const r = props.reseller;
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const err = action.error;
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await action.run(() =>
      call(
        client.POST('/api/shops/{slug}/resellers/{id}/top-ups', {
          params: { path: { slug: props.slug, id: r.id! } },
          body: { amount, note: note || undefined },
        }),
      ),
    );
    if (done !== undefined) {
      props.onSaved();
    }
  };
  return (
    <Modal title={t('resellers.topUpOf', { name: r.name ?? '' })} onClose={props.onClose}>
      <form onSubmit={submit} data-testid="top-up-form">
        <p>
          {t('resellers.balance')}: <strong>{formatMoney(r.balance as Money)}</strong>
        </p>
        <Field label={t('resellers.amount', { currency: r.balance?.currency ?? '' })} name="amount" error={err} hint={t('resellers.amountHint')}>
          <input name="amount" value={amount} inputMode="decimal" placeholder="100.00" onInput={(e) => setAmount(e.currentTarget.value)} aria-invalid={invalid(err, 'amount')} />
        </Field>
        <Field label={t('resellers.note')} name="note" error={err}>
          <input name="note" value={note} onInput={(e) => setNote(e.currentTarget.value)} aria-invalid={invalid(err, 'note')} />
        </Field>
        <ErrorBox error={err} fields={['amount', 'note']} />
        <button type="submit" aria-busy={action.busy} disabled={action.busy}>
          {t('resellers.record')}
        </button>
      </form>
      <ChannelTopUps slug={props.slug} resellerId={r.id!} />
    </Modal>
  );
}

/** A reseller's API keys: issue (the secret is shown this once), list, revoke. */
function ApiKeys(props: { slug: string; reseller: Reseller }) {
  const path = { slug: props.slug, id: props.reseller.id! };
  const keys = useLoad(() => call(client.GET('/api/shops/{slug}/resellers/{id}/keys', { params: { path } })), [props.reseller.id]);
  const [rate, setRate] = useState('');
  const [issued, setIssued] = useState<IssuedKey>();
  const action = useAction();
  const err = action.error;
  const issue = async (e: Event) => {
    e.preventDefault();
    const key = await action.run(() =>
      call(
        client.POST('/api/shops/{slug}/resellers/{id}/keys', {
          params: { path },
          body: { ratePerMinute: rate === '' ? undefined : Number(rate) },
        }),
      ),
    );
    if (key !== undefined) {
      setIssued(key as unknown as IssuedKey);
      setRate('');
      keys.reload();
    }
  };
  const revoke = async (k: KeyView) => {
    if (!confirm(t('keysApi.confirmRevoke', { key: k.keyId ?? '' }))) {
      return;
    }
    // 204 No Content: the action answers true once the call succeeded.
    const done = await action.run(async () => {
      await call(client.POST('/api/shops/{slug}/resellers/{id}/keys/{keyId}/revoke', { params: { path: { ...path, keyId: k.keyId! } } }));
      return true;
    });
    if (done) {
      keys.reload();
    }
  };
  return (
    <article data-testid="api-keys">
      <header>
        <strong>{t('keysApi.title', { name: props.reseller.name ?? '' })}</strong>
      </header>
      <Loading loaded={keys}>
        {(list) => (
          <ListTable
            items={list}
            empty={t('keysApi.none')}
            headers={[t('keysApi.keyId'), t('keysApi.rate'), t('keysApi.created'), t('keysApi.lastUsed'), t('resellers.status'), null]}
            row={(k) => (
              <tr data-key={k.keyId}>
                <td>
                  <code>{k.keyId}</code>
                </td>
                <td>{k.ratePerMinute}</td>
                <td>{formatTime(k.createdAt)}</td>
                <td>{formatTime(k.lastUsedAt)}</td>
                <td>{k.revokedAt ? <Badge tone="bad">{t('keysApi.revoked')}</Badge> : <Badge tone="ok">{t('keysApi.active')}</Badge>}</td>
                <td class="actions">
                  {!k.revokedAt && (
                    <button class="secondary outline small" disabled={action.busy} onClick={() => void revoke(k)}>
                      {t('keysApi.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            )}
          />
        )}
      </Loading>
      <form onSubmit={issue} class="inline-form">
        <Field label={t('keysApi.rate')} name="ratePerMinute" error={err} hint={t('keysApi.rateHint')}>
          <input name="ratePerMinute" type="number" min={1} value={rate} onInput={(e) => setRate(e.currentTarget.value)} aria-invalid={invalid(err, 'ratePerMinute')} />
        </Field>
        <button type="submit" aria-busy={action.busy} disabled={action.busy} data-testid="issue-key">
          {t('keysApi.issue')}
        </button>
      </form>
      <ErrorBox error={err} fields={['ratePerMinute']} />
      {issued && (
        <Modal title={t('keysApi.issued')} onClose={() => setIssued(undefined)}>
          <p class="notice warn" role="alert">
            {t('keysApi.once')}
          </p>
          <dl class="facts" data-testid="issued-key">
            <dt>{t('keysApi.keyId')}</dt>
            <dd>
              <code data-testid="issued-key-id">{issued.keyId}</code>
            </dd>
            <dt>{t('keysApi.secret')}</dt>
            <dd>
              <code data-testid="issued-secret">{issued.secret}</code>
            </dd>
          </dl>
          <button onClick={() => void navigator.clipboard?.writeText(`${issued.keyId}\n${issued.secret}`)} class="secondary">
            {t('keysApi.copy')}
          </button>{' '}
          <button onClick={() => setIssued(undefined)}>{t('keysApi.stored')}</button>
        </Modal>
      )}
    </article>
  );
}

/** The wholesale rule of each reseller level. */
function Levels(props: { slug: string }) {
  const path = { slug: props.slug };
  const rules = useLoad(() => call(client.GET('/api/shops/{slug}/reseller-levels', { params: { path } })), [props.slug]);
  return (
    <article>
      <header>
        <strong>{t('resellers.levels')}</strong>
      </header>
      <p class="muted">{t('resellers.levelsIntro')}</p>
      <Loading loaded={rules}>
        {(list) => (
          <table data-testid="levels">
            <thead>
              <tr>
                <th>{t('resellers.level')}</th>
                <th>{t('resellers.discount')}</th>
                <th>{t('resellers.discountValue')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {LEVELS.map((level) => (
                <LevelRow slug={props.slug} level={level} rule={list.find((r) => r.level === level)} onSaved={rules.reload} />
              ))}
            </tbody>
          </table>
        )}
      </Loading>
    </article>
  );
}

function LevelRow(props: { slug: string; level: number; rule?: LevelRule; onSaved: () => void }) {
  const [kind, setKind] = useState(props.rule?.discountKind ?? 'PERCENT_OFF');
  const [value, setValue] = useState(props.rule?.discountValue ?? '');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const err = action.error;
  const save = async () => {
    setSaved(false);
    const done = await action.run(() =>
      call(
        client.PUT('/api/shops/{slug}/reseller-levels/{level}', {
          params: { path: { slug: props.slug, level: String(props.level) } },
          body: { discountKind: kind, discountValue: value },
        }),
      ),
    );
    if (done !== undefined) {
      setSaved(true);
      props.onSaved();
    }
  };
  return (
    <tr data-level={props.level}>
      <td>{props.level}</td>
      <td>
        <select name="discountKind" value={kind} onChange={(e) => setKind(e.currentTarget.value)} aria-invalid={invalid(err, 'discountKind')}>
          <option value="PERCENT_OFF">{t('resellers.kindPercent')}</option>
          <option value="FIXED_OFF">{t('resellers.kindFixed')}</option>
        </select>
      </td>
      <td>
        <Field label="" name="discountValue" error={err}>
          <input name="discountValue" value={value} inputMode="decimal" placeholder={props.rule ? '' : t('resellers.noRule')} onInput={(e) => setValue(e.currentTarget.value)} aria-invalid={invalid(err, 'discountValue')} />
        </Field>
        <ErrorBox error={err} fields={['discountKind', 'discountValue']} />
      </td>
      <td class="actions">
        <button class="secondary small" disabled={action.busy} aria-busy={action.busy} onClick={() => void save()}>
          {t('action.save')}
        </button>
        {saved && <small class="ok"> {t('action.saved')}</small>}
      </td>
    </tr>
  );
}

/** Whether resellers see exact stock counts or bands. */
function StockShown(props: { slug: string }) {
  const path = { slug: props.slug };
  const current = useLoad(() => call(client.GET('/api/shops/{slug}/reseller-api', { params: { path } })), [props.slug]);
  const action = useAction();
  const change = async (stock: string) => {
    const done = await action.run(() => call(client.PUT('/api/shops/{slug}/reseller-api', { params: { path }, body: { stock } })));
    if (done !== undefined) {
      current.reload();
    }
  };
  return (
    <article>
      <header>
        <strong>{t('resellers.stockShown')}</strong>
      </header>
      <Loading loaded={current}>
        {(d) => (
          <Field label={t('resellers.stockShownHint')} name="stock" error={action.error}>
            <select name="stock" value={d.stock ?? 'EXACT'} disabled={action.busy} onChange={(e) => void change(e.currentTarget.value)}>
              <option value="EXACT">{t('resellers.stockExact')}</option>
              <option value="BANDED">{t('resellers.stockBanded')}</option>
            </select>
          </Field>
        )}
      </Loading>
      <ErrorBox error={action.error} fields={['stock']} />
    </article>
  );
}
