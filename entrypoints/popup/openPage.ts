/** Opens the dashboard in a tab of its own, at one client's view when `clientKey` is given. */
export function openDashboard(clientKey?: string): void {
  const hash = clientKey ? `#client=${encodeURIComponent(clientKey)}` : '';
  void browser.tabs.create({ url: `${browser.runtime.getURL('/dashboard.html')}${hash}` });
}

export function openSettings(): void {
  void browser.runtime.openOptionsPage();
}
