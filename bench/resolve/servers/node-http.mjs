/**
 * The limit: node:http answering a constant JSON body as long as ours, with the same content type, at its best:
 * a string body (it goes out in one write with the head; a Buffer would be a second chunk of a writev) and the
 * tick shapes kept as ours keeps them (see packages/resolver/src/tick-shapes.ts), so that a full GC cannot slow
 * the limit's ticks either and the ratio measures our work, not which server the GC happened to hit.
 */
import { createServer } from 'node:http';
import { keepTickShapes } from '../../../packages/resolver/dist/embedded/tick-shapes.js';
import { sampleAnswer } from '../fixture.mjs';

keepTickShapes();

const body = sampleAnswer();
const headers = [
  'content-type',
  'application/json; charset=utf-8',
  'content-length',
  String(Buffer.byteLength(body)),
];
const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
