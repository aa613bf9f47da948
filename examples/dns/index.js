'use strict';
// Entry point: `mimic --plugin mimic-plugin-dns` (or a path to this folder) picks up `plugin`.
const { dns } = require('./lib/plugin');

module.exports = { dns, plugin: dns };
