import type { DemoAccount } from './seed.js';

/**
 * The console notice for freshly created demo accounts. Printed once, on the console only:
 * demo passwords are random and never stored in clear, so this is the only time they exist.
 */
export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const lines = accounts.map((a) => `  ${a.email.padEnd(38)} ${a.password}  (${a.role}${a.tenantSlug ? `, ${a.tenantSlug}` : ''})`);
  return `\nDemo staff accounts (shown only now; reset with "npx rathaus user reset-password"):\n${lines.join('\n')}\n\n`;
}
