import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphqlContext } from './context.js';

/**
 * What one GraphQL request may ask (OWASP GraphQL cheat sheet; ADR 0012). Depth stops recursive
 * lineage walks (`upstream { upstream { … } }`), aliases stop one field asked a thousand times,
 * cost bounds the work of a whole operation, and a batch holds at most `batch` operations.
 */
export interface GraphqlLimits {
  readonly depth: number;
  readonly aliases: number;
  readonly cost: number;
  readonly tokens: number;
  readonly directives: number;
  readonly batch: number;
}

/** The limits Quanta serves with: room for every query the UI and the tests ask, little more. */
export const DEFAULT_LIMITS: GraphqlLimits = Object.freeze({ depth: 12, aliases: 30, cost: 5000, tokens: 2000, directives: 20, batch: 10 });

/**
 * The validation rules and plugins that enforce the limits, from graphql-armor. Field suggestions
 * ("Did you mean …?") are blocked in production, where they would map the schema for an attacker,
 * and so is Apollo's landing page (G4): in production Apollo serves one that loads an explorer
 * from its CDN, a page nobody should get from Quanta.
 */
export function protections(limits: GraphqlLimits, production: boolean) {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.depth },
    maxAliases: { n: limits.aliases },
    costLimit: { maxCost: limits.cost },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.directives },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  // graphql-armor's types name @apollo/server's CommonJS typings, ours its ES module ones: the same plugins.
  const armor = plugins as unknown as ApolloServerPlugin<GraphqlContext>[];
  return {
    plugins: production ? [...armor, ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<GraphqlContext>] : armor,
    validationRules,
    // graphql-js counts tokens while it parses: a refusal there is a syntax error (400). graphql-armor's
    // own token limit parses a second time in a hook whose refusal Apollo answers with 500.
    parseOptions: { maxTokens: limits.tokens },
  };
}
