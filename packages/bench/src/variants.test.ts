import { readFileSync } from 'node:fs';
import { modernRequest } from '@mcp-runtimes/client';
import { describe, expect, it } from 'vitest';
import { BODY_FILE, saturationRequest } from './saturation.js';
import { engineFlagsOf, engineSettingsOf, eraOf, sdkOfVariant, settingOf, VARIANT_NAMES, wiringOf } from './variants.js';

describe('variants', () => {
  it('speaks 2026-07-28 only to SDK v2 wirings, under <wiring>@2026', () => {
    expect(VARIANT_NAMES).toContain('v2-tuned@2026');
    expect(VARIANT_NAMES).toContain('v2-official@2026');
    expect(VARIANT_NAMES).not.toContain('tuned@2026');
    expect([wiringOf('v2-tuned@2026'), eraOf('v2-tuned@2026'), sdkOfVariant('v2-tuned@2026')]).toEqual(['v2-tuned', '2026-07-28', 'v2']);
    expect([wiringOf('official'), eraOf('official'), sdkOfVariant('official')]).toEqual(['official', '2025-11-25', 'v1']);
    expect(sdkOfVariant('own')).toBeUndefined();
  });

  it('starts <wiring>+<setting> with that setting\'s V8 flags, the same wiring in the 2025 era, and records them', () => {
    expect(VARIANT_NAMES).toContain('tuned+semi-space-64');
    expect([wiringOf('tuned+semi-space-64'), eraOf('tuned+semi-space-64'), settingOf('tuned+semi-space-64')]).toEqual(['tuned', '2025-11-25', 'semi-space-64']);
    expect(engineFlagsOf('tuned+semi-space-64')).toEqual(['--max-semi-space-size=64']);
    expect(engineFlagsOf('tuned')).toEqual([]);
    expect(settingOf('v2-tuned@2026')).toBeUndefined();
    expect(engineSettingsOf(['tuned', 'v2-tuned+semi-space-64'])).toEqual({ engineSettings: { 'v2-tuned+semi-space-64': '--max-semi-space-size=64' } });
    expect(engineSettingsOf(['tuned'])).toEqual({});
  });

  it('sends the same call in 2026-07-28 as the client builds it, with headers that repeat the body', () => {
    const legacy = JSON.parse(readFileSync(BODY_FILE, 'utf8')) as { method: string; params: Record<string, unknown> };
    const modern = saturationRequest('2026-07-28');
    const expected = modernRequest(legacy.method, legacy.params, { name: 'mcp-runtimes-bench', version: '0.1.0' });
    expect(JSON.parse(readFileSync(modern.bodyFile, 'utf8'))).toEqual({ ...legacy, params: expected.params });
    expect(modern.headers).toMatchObject(expected.headers);
  });
});
