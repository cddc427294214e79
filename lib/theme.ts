/** The cookie that keeps a person's light/dark choice (read by the root layout). */
export const THEME_COOKIE = 'flexy-theme';
