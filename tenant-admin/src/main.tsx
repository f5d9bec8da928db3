import { render } from 'preact';
import '@picocss/pico/css/pico.min.css';
import './app.css';
import { loadConfig } from './config';
import { initAuth } from './auth';
import { App } from './App';
import { applyLocale } from './i18n';

async function start() {
  applyLocale();
  const root = document.getElementById('app')!;
  try {
    const config = await loadConfig();
    const user = await initAuth(config);
    render(<App signedIn={user !== null} />, root);
  } catch (e) {
    render(
      <main class="container">
        <h1>Kameng</h1>
        <p class="notice error" role="alert">
          {String(e)}
        </p>
        <a href="/admin/">↻</a>
      </main>,
      root,
    );
  }
}

void start();
