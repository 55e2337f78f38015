import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same per-user folder Electron's app.getPath('userData') gives, so both shells share it. */
export function userDataDir(appName = 'Seatdesk', env = process.env, platform = process.platform): string {
  if (env.SEATDESK_DATA_DIR) return env.SEATDESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName);
}
