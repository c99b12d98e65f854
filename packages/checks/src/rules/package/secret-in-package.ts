import type { Rule } from '../rule.js';

/** Templates of a `.env` carry names, not values: `.env.example` is how projects document their variables. */
const ENV_TEMPLATES = new Set(['.env.example', '.env.sample', '.env.template', '.env.dist']);

// The armour line of every PEM private key form: PKCS#8, PKCS#1 (RSA), SEC1 (EC), DSA, OpenSSH, encrypted.
const PRIVATE_KEY = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/;
const PEM_SCAN_BYTES = 1024 * 1024;
const ENV_FILE = { zh: '环境变量文件 .env', en: '.env file' };
const KEY = { zh: '私钥', en: 'private key' };

/**
 * SECRET_IN_PACKAGE: a committed `.env` or a private key in the package. The package is served to every host
 * by `/v1/packages/:sha256`, so a secret in it is public. Folder uploads already leave `.env*` out
 * (docs/upload.md); this catches a zip made by hand. The finding names the file, never its content.
 */
export const secretInPackage: Rule = {
  name: 'secret-in-package',
  needs: 'package',
  codes: ['SECRET_IN_PACKAGE'],
  run({ files, finding }) {
    const findings = [];
    for (const [path, data] of files) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (/^\.env($|\.)/.test(name) && !ENV_TEMPLATES.has(name)) {
        findings.push(finding('SECRET_IN_PACKAGE', { params: { what: ENV_FILE, file: path }, file: path }));
      } else if (PRIVATE_KEY.test(data.subarray(0, PEM_SCAN_BYTES).toString('latin1'))) {
        findings.push(finding('SECRET_IN_PACKAGE', { params: { what: KEY, file: path }, file: path }));
      }
    }
    return findings;
  },
};
