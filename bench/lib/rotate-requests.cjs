'use strict';
/**
 * autocannon `setupClient` for worker mode (it must be a file the worker can require): gives each
 * connection its own list of requests, read from the JSON file named by CANBO_BENCH_REQUESTS
 * (an array with one array of {method, path, headers, body} per connection). A connection that
 * runs out starts its list again, which the benchmark sees as non-2xx answers (a second submit).
 */
const fs = require('node:fs');

let lists = null;
let next = 0;

module.exports = function setupClient(client) {
  if (lists === null) lists = JSON.parse(fs.readFileSync(process.env.CANBO_BENCH_REQUESTS, 'utf8'));
  const list = lists[next % lists.length];
  next++;
  client.setRequests(list);
};
