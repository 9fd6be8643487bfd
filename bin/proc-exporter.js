#!/usr/bin/env node
'use strict';
require('../dist/src/exporter/main.js');
