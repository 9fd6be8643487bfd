#!/usr/bin/env -S node --no-memory-reducer
'use strict';
require('../dist/src/exporter/main.js');
