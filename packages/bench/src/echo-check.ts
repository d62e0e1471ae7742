// The raw echo's own gate: it must return the request body as JSON, or its figure means nothing.
import { connect } from 'node:http2';
import { readFileSync } from 'node:fs';
import { BODY_FILE } from './saturation.js';

export async function checkEcho(url: string, protocol: 'http1' | 'h2c'): Promise<string | null> {
  const body = readFileSync(BODY_FILE, 'utf8');
  try {
    const answer = protocol === 'h2c' ? await postH2c(url, body) : await (await postHttp1(url, body)).text();
    return JSON.stringify(JSON.parse(answer)) === JSON.stringify(JSON.parse(body)) ? null : `echo answered ${answer.slice(0, 200)}`;
  } catch (error) {
    return `echo failed: ${(error as Error).message}`;
  }
}

async function postHttp1(url: string, body: string): Promise<Response> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  return response;
}

function postH2c(url: string, body: string): Promise<string> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const session = connect(target.origin);
    session.once('error', reject);
    const stream = session.request({ ':method': 'POST', ':path': target.pathname, 'content-type': 'application/json' });
    let text = '';
    let status = 0;
    stream.on('response', (headers) => (status = Number(headers[':status'])));
    stream.setEncoding('utf8').on('data', (c: string) => (text += c));
    stream.once('end', () => {
      session.close();
      if (status === 200) resolve(text);
      else reject(new Error(`status ${status}`));
    });
    stream.once('error', (error) => {
      session.close();
      reject(error);
    });
    stream.end(body);
  });
}
