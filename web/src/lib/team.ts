/** The cookie that remembers which consumer team this browser rates as, until issue 12 brings sign-in. */
export const TEAM_COOKIE = 'quanta-team';
