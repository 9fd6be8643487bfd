#!/usr/bin/env node
'use strict';
require('../dist/src/cli/proc2json.js').main(process.argv.slice(2));
