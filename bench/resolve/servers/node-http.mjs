/** The limit: node:http answering a constant JSON body as long as ours, with the same content type. */
import { createServer } from 'node:http';
import { sampleAnswer } from '../fixture.mjs';

const body = Buffer.from(sampleAnswer());
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length };
const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
