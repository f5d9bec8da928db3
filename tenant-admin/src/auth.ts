import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { RuntimeConfig } from './config';

// Authorization code + PKCE against the realm's public client. Tokens live in sessionStorage (gone
// with the tab); renewal uses the refresh token, so no hidden iframe and no third-party cookies.
let manager: UserManager;

export const CALLBACK_PATH = '/admin/callback';

export async function initAuth(config: RuntimeConfig): Promise<User | null> {
  manager = new UserManager({
    authority: `${config.keycloakUrl}/realms/${config.realm}`,
    client_id: config.clientId,
    redirect_uri: location.origin + CALLBACK_PATH,
    post_logout_redirect_uri: location.origin + '/admin/',
    response_type: 'code',
    // organization:* puts every shop the user belongs to, with its groups, into the token.
    scope: 'openid organization:*',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: true,
  });
  if (location.pathname === CALLBACK_PATH) {
    const user = await manager.signinRedirectCallback();
    const target = typeof user.state === 'string' && user.state.startsWith('/admin') ? user.state : '/admin/';
    history.replaceState(null, '', target);
    return user;
  }
  const user = await manager.getUser();
  if (user && !user.expired) {
    return user;
  }
  if (user?.refresh_token) {
    try {
      return await manager.signinSilent();
    } catch {
      await manager.removeUser();
    }
  }
  return null;
}

export function login(): Promise<void> {
  return manager.signinRedirect({ state: location.pathname + location.search });
}

export async function logout(): Promise<void> {
  const user = await manager.getUser();
  await manager.removeUser();
  await manager.signoutRedirect({ id_token_hint: user?.id_token });
}

/** A valid access token, renewed if it has expired; null when the session is gone. */
export async function accessToken(): Promise<string | null> {
  let user = await manager.getUser();
  if (user && user.expired && user.refresh_token) {
    try {
      user = await manager.signinSilent();
    } catch {
      user = null;
    }
  }
  return user && !user.expired ? user.access_token : null;
}
