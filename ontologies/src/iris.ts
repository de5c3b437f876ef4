/** The Quanta namespace. */
export const QUANTA_NS = 'https://quanta.example/ns/';

/** The IRI the default context is published under, and served at `/ns/context.jsonld`. */
export const CONTEXT_IRI = `${QUANTA_NS}context.jsonld`;
