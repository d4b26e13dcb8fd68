// A stand-in for a hospital portal: public/embed-example.html (its iframe pointed at the hub
// under test) and its listener, served on loopback ports, so each port is its own origin.
// Used by the Chromium specs and the Firefox/WebKit runner alike.
const fs = require('fs');
const http = require('http');
const path = require('path');

const publicDir = path.join(__dirname, '..', '..', 'public');

/**
 * Starts one portal per port, framing `hubUrl` (e.g. "http://127.0.0.1:8181/?embed=1"). A port
 * of 0 takes any free one: `origins` says which.
 */
async function startPortals(hubUrl, ports) {
  const page = fs.readFileSync(path.join(publicDir, 'embed-example.html'), 'utf8')
    .replace('http://127.0.0.1:8080/?embed=1', hubUrl);
  const script = fs.readFileSync(path.join(publicDir, 'embed-example.js'));
  const servers = await Promise.all(ports.map((port) => new Promise((ok) => {
    const server = http.createServer((req, res) => {
      if (req.url === '/embed-example.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
      else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    });
    server.listen(port, '127.0.0.1', () => ok(server));
  })));
  return {
    origins: servers.map((s) => `http://127.0.0.1:${s.address().port}`),
    close: () => Promise.all(servers.map((s) => new Promise((ok) => s.close(ok)))),
  };
}

module.exports = { startPortals };
