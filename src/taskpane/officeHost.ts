// Whether the page runs inside Office, decided without the network. Office opens a task pane
// with `_host_Info` in its URL (Office on the web, Windows, Mac, iPad) and Office.js keeps
// that in sessionStorage for later navigations; older Windows hosts expose
// window.external.GetContext and Mac/iPad a webkit message handler named Agave. Only then
// is office.js loaded; a plain browser never waits for it (the preview starts at once).
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function officeHinted(win: Window = window): boolean {
  try {
    const loc = win.location;
    const params = new URLSearchParams(loc.search);
    if (params.get('office') === '0') return false;
    if (params.get('office') === '1') return true;
    if (/_host_info=/i.test(loc.search) || /_host_info=/i.test(loc.hash)) return true;
    try {
      if (win.sessionStorage?.getItem('hostInfoValue')) return true;
    } catch {
      // sessionStorage can be blocked; that is no hint either way.
    }
    const w = win as unknown as { external?: { GetContext?: unknown }; webkit?: { messageHandlers?: { Agave?: unknown } } };
    if (w.external && 'GetContext' in w.external) return true;
    if (w.webkit?.messageHandlers?.Agave) return true;
  } catch {
    return false;
  }
  return false;
}

/** Load office.js (inside Office only); resolves false when it fails or takes too long. */
export function loadOfficeJs(doc: Document = document, timeoutMs = 15000): Promise<boolean> {
  return new Promise((resolve) => {
    const script = doc.createElement('script');
    script.src = OFFICE_JS;
    const timer = setTimeout(() => resolve(false), timeoutMs);
    script.onload = () => {
      clearTimeout(timer);
      resolve(true);
    };
    script.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
    doc.head.appendChild(script);
  });
}
