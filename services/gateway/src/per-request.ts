/**
 * One value per request, made on first use: resolvers keep their DataLoaders here, keyed by the
 * request's context object, so every field a query touches shares one batch per tick and nothing
 * outlives the request.
 *
 * @example const loader = perRequest(() => new DataLoader(load)); loader(context).load(iri)
 */
export function perRequest<T>(make: () => T): (context: object) => T {
  const values = new WeakMap<object, T>();
  return (context) => {
    let value = values.get(context);
    if (value === undefined) {
      value = make();
      values.set(context, value);
    }
    return value;
  };
}
