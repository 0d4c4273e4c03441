/**
 * Baseline B0: a bare Fastify "hello" route on the same Node, started as its own process
 * (`node --import tsx bench/lib/hello-server.ts <port>`) like the platform. What a page costs on
 * top of Fastify itself is the distance between this and B2.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => 'hello');
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
