import { createRequire } from 'node:module';
import type * as Uws from '@trufflesuite/uws-js-unofficial';

export type { HttpRequest, HttpResponse, TemplatedApp, us_listen_socket } from '@trufflesuite/uws-js-unofficial';
export type UwsModule = typeof Uws;

const require = createRequire(import.meta.url);
const UNOFFICIAL = '@trufflesuite/uws-js-unofficial';

/**
 * The one place uWebSockets.js is loaded. Its authors publish it on GitHub only; the npm
 * build that loads on Node 20 here is UNOFFICIAL. Set UWS_MODULE to another package name
 * (e.g. "uWebSockets.js" installed from GitHub) to swap it.
 *
 * The unofficial package silently falls back to a slow pure-JS server when its binary does
 * not load; we load the binary directly so a benchmark can never measure that fallback.
 */
export function loadUws(): { uws: UwsModule; source: string } {
  const name = process.env.UWS_MODULE ?? UNOFFICIAL;
  if (name !== UNOFFICIAL) return { uws: require(name) as UwsModule, source: name };
  const binary = `${UNOFFICIAL}/binaries/uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
  try {
    return { uws: require(binary) as UwsModule, source: binary };
  } catch (error) {
    throw new Error(
      `uWebSockets.js has no native build for ${process.platform}-${process.arch}, Node ABI ` +
        `${process.versions.modules} (${(error as Error).message.split('\n')[0]}); set UWS_MODULE to a build that has one`,
    );
  }
}
