/** What Fastify's reply offers a controller with `passthrough`. */
export interface Reply {
  header(name: string, value: string): unknown;
}
