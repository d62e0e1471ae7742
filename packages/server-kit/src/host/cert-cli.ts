#!/usr/bin/env node
import { localhostCertificate } from './certificate.js';

const { certPath } = await localhostCertificate(process.argv[2]);
console.log(certPath);
