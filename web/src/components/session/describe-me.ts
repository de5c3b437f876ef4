import type { Me } from '@/lib/gateway/me';
import { teamName } from '@/lib/team';

/**
 * Who a signed-in person is, in a few words: their role, team or consumer, and the token's id
 * (its public `tok_…` name, as audit trails show it; never the secret).
 */
export function describeMe(me: Me): string {
  const as = [
    me.admin && 'admin',
    me.teams.length > 0 && `team ${me.teams.join(', ')}`,
    // An owner's consumer is its own team: said once.
    me.consumer && !me.teams.some((t) => teamName(me.consumer as string) === t) && `consumer ${teamName(me.consumer)}`,
  ].filter(Boolean);
  return `${as.length ? as.join(', ') : 'reader'} (${me.subject})`;
}
