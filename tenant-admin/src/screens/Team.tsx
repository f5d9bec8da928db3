import { useState } from 'preact/hooks';
import { client, call } from '../api/client';
import { t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, Field, formatTime, invalid, Loading } from '../ui/parts';

type Role = 'OWNER' | 'STAFF';

export function Team(props: { slug: string }) {
  const path = { slug: props.slug };
  const team = useLoad(() => call(client.GET('/api/shops/{slug}/members', { params: { path } })), [props.slug]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('STAFF');
  const [link, setLink] = useState<string>();
  const invite = useAction();
  const change = useAction();

  const add = async (e: Event) => {
    e.preventDefault();
    setLink(undefined);
    // The 201 body (ADDED or INVITED with the link) is not described in the API document.
    const added = (await invite.run(() => call(client.POST('/api/shops/{slug}/members', { params: { path }, body: { email, role } })))) as
      | { status?: string; acceptUrl?: string }
      | undefined;
    if (added) {
      setEmail('');
      setLink(added.status === 'INVITED' ? (added.acceptUrl ?? undefined) : t('team.addedExisting'));
      team.reload();
    }
  };
  const act = async (work: () => Promise<unknown>) => {
    if ((await change.run(work)) !== undefined) {
      team.reload();
    }
  };

  return (
    <section>
      <h2>{t('nav.team')}</h2>
      <ErrorBox error={change.error} />
      <Loading loaded={team}>
        {(tm) => (
          <>
            <table>
              <thead>
                <tr>
                  <th>{t('team.member')}</th>
                  <th>{t('team.role')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {(tm.members ?? []).map((m) => (
                  <tr>
                    <td>
                      {m.name || m.email} <small class="muted">{m.email}</small>
                    </td>
                    <td>
                      <select
                        aria-label={t('team.role')}
                        value={m.role}
                        disabled={change.busy}
                        onChange={(e) =>
                          act(() =>
                            call(
                              client.PATCH('/api/shops/{slug}/members/{userId}', {
                                params: { path: { ...path, userId: m.userId! } },
                                body: { role: e.currentTarget.value as Role },
                              }),
                            ),
                          )
                        }
                      >
                        <option value="OWNER">{t('role.OWNER')}</option>
                        <option value="STAFF">{t('role.STAFF')}</option>
                      </select>
                    </td>
                    <td class="actions">
                      <button
                        class="secondary outline small"
                        disabled={change.busy}
                        onClick={() =>
                          confirm(t('team.confirmRemove', { name: m.email ?? '' })) &&
                          act(() =>
                            call(client.DELETE('/api/shops/{slug}/members/{userId}', { params: { path: { ...path, userId: m.userId! } } })).then(
                              () => true,
                            ),
                          )
                        }
                      >
                        {t('team.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {(tm.invitations ?? []).length > 0 && (
              <>
                <h3>{t('team.invitations')}</h3>
                <table>
                  <tbody>
                    {tm.invitations!.map((i) => (
                      <tr>
                        <td>{i.email}</td>
                        <td>
                          <Badge>{t(`role.${i.role === 'OWNER' ? 'OWNER' : 'STAFF'}`)}</Badge>
                        </td>
                        <td>
                          <small>{t('team.expires', { at: formatTime(i.expiresAt) })}</small>
                        </td>
                        <td class="actions">
                          <button
                            class="secondary outline small"
                            disabled={change.busy}
                            onClick={() =>
                              act(() =>
                                call(
                                  client.DELETE('/api/shops/{slug}/invitations/{invitationId}', {
                                    params: { path: { ...path, invitationId: i.id! } },
                                  }),
                                ).then(() => true),
                              )
                            }
                          >
                            {t('team.revoke')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
      </Loading>
      <article>
        <header>{t('team.invite')}</header>
        <form onSubmit={add}>
          <div class="grid">
            <Field label={t('team.email')} name="email" error={invite.error}>
              <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} aria-invalid={invalid(invite.error, 'email')} />
            </Field>
            <Field label={t('team.role')} name="role" error={invite.error}>
              <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
                <option value="STAFF">{t('role.STAFF')}</option>
                <option value="OWNER">{t('role.OWNER')}</option>
              </select>
            </Field>
          </div>
          <ErrorBox error={invite.error} fields={['email', 'role']} />
          {link && (
            <p class="notice ok">
              {t('team.invited')} <code>{link}</code>
            </p>
          )}
          <button type="submit" disabled={invite.busy} aria-busy={invite.busy}>
            {t('team.inviteButton')}
          </button>
        </form>
      </article>
    </section>
  );
}
