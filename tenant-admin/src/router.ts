import { useEffect, useState } from 'preact/hooks';

// A small history router: the app has a dozen screens and needs nothing more.
const listeners = new Set<() => void>();

export function navigate(to: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', to);
  } else {
    history.pushState(null, '', to);
  }
  listeners.forEach((l) => l());
}

window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return path;
}

/** Follows in-app links without a page load; other links behave as links. */
export function onLinkClick(e: MouseEvent): void {
  const anchor = (e.target as HTMLElement).closest('a');
  if (
    !anchor ||
    e.defaultPrevented ||
    e.button !== 0 ||
    e.metaKey ||
    e.ctrlKey ||
    e.shiftKey ||
    anchor.target ||
    anchor.hasAttribute('download')
  ) {
    return;
  }
  const url = new URL(anchor.href, location.href);
  if (url.origin === location.origin && url.pathname.startsWith('/admin/')) {
    e.preventDefault();
    navigate(url.pathname + url.search);
  }
}
