#!/usr/bin/env node
'use strict';
require('../dist/src/cli/proc2csv.js').main(process.argv.slice(2));
