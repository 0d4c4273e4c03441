/**
 * Baseline B0: a bare Fastify "hello" route on the same Node, started as its own process
 * (`node bench/lib/hello-server.js <port>`). Plain JavaScript, because the platform runs as
 * JavaScript too (bin/compiled.js): what a page or a start costs on top of Fastify itself is the
 * distance between this and B2 or B6.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => 'hello');
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
