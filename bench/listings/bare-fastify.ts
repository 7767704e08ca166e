import Fastify from 'fastify';

/** The baseline: a bare Fastify route on this machine, in a process of its own like the app. */
const app = Fastify({ logger: false });
app.post('/applications', async (request) => ({ applicationId: 'x', received: request.body !== undefined }));
app.get('/ranking', async () => ({ ranking: [] }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
