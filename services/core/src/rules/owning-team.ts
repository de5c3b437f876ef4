/**
 * The team an OpenLineage `ownership` facet names, for counting a job's reads as a team's use: an
 * owner called `team:<name>` (the spec's examples prefix owners by type), else the first owner
 * whose type is TEAM; undefined when it names none.
 */
export function owningTeam(facet: unknown): string | undefined {
  const owners = (facet as { owners?: unknown } | undefined)?.owners;
  if (!Array.isArray(owners)) return undefined;
  const named = owners.filter((o): o is { name: string; type?: unknown } => typeof (o as { name?: unknown } | null)?.name === 'string');
  const prefixed = named.find((o) => o.name.startsWith('team:'));
  if (prefixed) return prefixed.name.slice('team:'.length);
  return named.find((o) => typeof o.type === 'string' && o.type.toUpperCase() === 'TEAM')?.name;
}
