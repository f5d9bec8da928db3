/** The runtime configuration the server publishes at /admin/config.json (see AdminAppConfig). */
export interface RuntimeConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  apiBase: string;
}

export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/admin/config.json', { cache: 'no-cache' });
  if (!response.ok) {
    throw new Error(`config.json: HTTP ${response.status}`);
  }
  return response.json();
}
