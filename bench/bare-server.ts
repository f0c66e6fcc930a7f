// The baseline for the throughput benchmark: a bare node:http hello-world JSON server, run as a
// child process by bench/throughput.ts. Listens on 127.0.0.1:$PORT and stops on SIGTERM/SIGINT.
import http from 'node:http';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('bare-server: set PORT to a free port');
  process.exit(2);
}

const body = JSON.stringify({ hello: 'world' });
const server = http.createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen(port, '127.0.0.1');
