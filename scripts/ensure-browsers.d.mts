/** Installs Debian's chromium / firefox-esr when missing (as root), or exits with the command to run. */
export function ensureBrowsers(which?: string[]): void;
