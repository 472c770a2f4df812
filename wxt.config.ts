import { defineConfig } from 'wxt';

// The test build (`wxt build --mode test`, see README) also reads pages on loopback so the
// real-browser tests and the demo can serve fixture pages from 127.0.0.1.
const TEST_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    host_permissions: mode === 'test' ? TEST_HOSTS : [],
    // Sites are enabled one origin at a time from the popup; nothing is granted up front.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    // A keyboard shortcut for the toolbar button (users can change it in the browser's shortcut
    // settings). Opening the popup with it is a user gesture, like a click: activeTab applies.
    // Firefox keeps Alt+Shift+S for its History menu and Chromium refuses Alt+Shift+C: one each.
    commands:
      browser === 'firefox'
        ? { _execute_browser_action: { suggested_key: { default: 'Alt+Shift+C' } } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+S' } } },
    ...(browser === 'firefox'
      ? {
          // Firefox's MV2 build lists optional origins among optional_permissions.
          optional_permissions: ['https://*/*', 'http://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'client-signals@example.org',
              // data_collection_permissions needs Firefox 140 (142 on Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
