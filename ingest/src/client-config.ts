import { z } from 'zod';

/**
 * What the CLI reads from its environment, validated in one place as the server's configuration
 * is (DESIGN.md §11; the CLI may not import @quanta/config, since it reaches Quanta over HTTP only).
 */
/** A base URL the CLI can reach Quanta at: `--server` and `QUANTA_SERVER` are held to it alike. */
export const SERVER_URL = /^https?:\/\/[^/\s]+/;

const ClientEnvSchema = z.object({
  QUANTA_SERVER: z.string().regex(SERVER_URL, { message: 'QUANTA_SERVER must be the base URL of a running Quanta, such as http://127.0.0.1:4000' }).optional(),
  QUANTA_TOKEN: z.string().min(1).optional(),
});

/** The server and token the environment names, if any. */
export interface ClientEnv {
  readonly server?: string;
  readonly token?: string;
}

/** An environment variable the CLI reads holds something it cannot use: a usage error (exit 2). */
export class ClientEnvError extends Error {
  override readonly name = 'ClientEnvError';
}

/**
 * The CLI's environment: `QUANTA_SERVER` and `QUANTA_TOKEN`.
 * @throws ClientEnvError naming the invalid variable
 */
export function clientEnv(env: Readonly<Record<string, string | undefined>> = process.env): ClientEnv {
  const parsed = ClientEnvSchema.safeParse(env);
  if (!parsed.success) throw new ClientEnvError(parsed.error.issues.map((i) => i.message).join('; '));
  return { ...(parsed.data.QUANTA_SERVER && { server: parsed.data.QUANTA_SERVER }), ...(parsed.data.QUANTA_TOKEN && { token: parsed.data.QUANTA_TOKEN }) };
}
