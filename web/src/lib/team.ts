/** A consumer team's name from its IRI (`urn:quanta:team:growth` is growth); other IRIs as they are. */
export const teamName = (consumer: string) => consumer.replace(/^urn:quanta:team:/, '');
