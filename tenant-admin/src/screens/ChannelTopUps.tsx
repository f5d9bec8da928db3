import { client, call, type Schemas } from '../api/client';
import { t } from '../i18n';
import { useLoad } from '../ui/load';
import { Badge, formatMoney, formatTime, Loading, type Money } from '../ui/parts';

type ChannelTopUp = Schemas['ChannelTopUp'];

const TONES: Record<string, 'ok' | 'warn' | 'bad' | 'muted'> = { PAID: 'ok', PENDING: 'warn', FAILED: 'bad', EXPIRED: 'muted' };

/**
 * A reseller's top-ups paid through the shop's payment channels over the reseller API (ADR 0020),
 * newest first: staff see which are still pending and what each paid one left on the balance.
 */
export function ChannelTopUps(props: { slug: string; resellerId: string }) {
  const topUps = useLoad(
    () => call(client.GET('/api/shops/{slug}/resellers/{id}/top-ups', { params: { path: { slug: props.slug, id: props.resellerId } } })),
    [props.slug, props.resellerId],
  );
  return (
    <section data-testid="channel-top-ups">
      <h4>{t('resellers.channelTopUps')}</h4>
      <Loading loaded={topUps}>
        {(list: ChannelTopUp[]) =>
          list.length === 0 ? (
            <p class="muted">{t('resellers.noChannelTopUps')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('resellers.topUpAmount')}</th>
                  <th>{t('resellers.status')}</th>
                  <th>{t('resellers.balanceAfter')}</th>
                  <th>{t('resellers.channel')}</th>
                  <th>{t('resellers.since')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <tr data-top-up={u.number}>
                    <td>T{u.number}</td>
                    <td>{formatMoney(u.amount as Money)}</td>
                    <td>
                      <Badge tone={TONES[u.status ?? ''] ?? 'muted'}>{t(`topUpState.${u.status ?? 'PENDING'}`)}</Badge>
                    </td>
                    <td>{u.balanceAfter ? formatMoney(u.balanceAfter as Money) : '—'}</td>
                    <td>{u.channel}</td>
                    <td>{formatTime(u.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </section>
  );
}
