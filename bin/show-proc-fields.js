#!/usr/bin/env node
'use strict';
require('../dist/src/cli/show-proc-fields.js').main(process.argv.slice(2));
