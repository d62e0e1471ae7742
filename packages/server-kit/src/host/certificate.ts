import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';

export interface Certificate {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

/** `<repo>/.certs` (ignored by git), or MCP_CERT_DIR. */
export function defaultCertDir(): string {
  return process.env.MCP_CERT_DIR ?? resolve(fileURLToPath(new URL('../../../../.certs', import.meta.url)));
}

/**
 * The project's own self-signed certificate for localhost, 127.0.0.1 and ::1: made on first
 * use and kept, so clients can trust it with `--ca <dir>/localhost-cert.pem`.
 */
export async function localhostCertificate(dir = defaultCertDir()): Promise<Certificate> {
  const certPath = join(dir, 'localhost-cert.pem');
  const keyPath = join(dir, 'localhost-key.pem');
  if (!existsSync(certPath)) await create(dir);
  return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8'), certPath, keyPath };
}

export async function certificateFromFiles(certPath: string, keyPath: string): Promise<Certificate> {
  return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8'), certPath, keyPath };
}

async function create(dir: string): Promise<void> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 825 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  // Both files appear at once (one rename of a folder), so concurrent starts never mix pairs.
  await mkdir(dirname(dir), { recursive: true });
  const staging = await mkdtemp(`${dir}.tmp-`);
  await writeFile(join(staging, 'localhost-cert.pem'), pems.cert);
  await writeFile(join(staging, 'localhost-key.pem'), pems.private, { mode: 0o600 });
  try {
    await rename(staging, dir);
  } catch {
    await rm(staging, { recursive: true, force: true }); // another process made it first
    if (!existsSync(join(dir, 'localhost-cert.pem'))) {
      throw new Error(`cannot create a certificate in ${dir}: it exists without localhost-cert.pem`);
    }
  }
}
