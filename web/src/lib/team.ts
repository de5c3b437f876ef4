/** The cookie that remembers which consumer team this browser rates as, until issue 12 brings sign-in. */
export const TEAM_COOKIE = 'quanta-team';

/** A consumer team's name from its IRI (`urn:quanta:team:growth` is growth); other IRIs as they are. */
export const teamName = (consumer: string) => consumer.replace(/^urn:quanta:team:/, '');
