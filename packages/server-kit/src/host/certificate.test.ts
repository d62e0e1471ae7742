import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCertDir } from './certificate.js';

describe('defaultCertDir', () => {
  it("is .certs at the repository's root, where setup makes the certificate clients trust", () => {
    const saved = process.env.MCP_CERT_DIR;
    delete process.env.MCP_CERT_DIR;
    try {
      expect(existsSync(join(dirname(defaultCertDir()), 'pnpm-workspace.yaml')), defaultCertDir()).toBe(true);
    } finally {
      if (saved !== undefined) process.env.MCP_CERT_DIR = saved;
    }
  });
});
