#!/usr/bin/env node
// Plain JS so npm can link the bin before anything is built; the code lives in ../dist (built by `prepare`).
import { main } from '../dist/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
