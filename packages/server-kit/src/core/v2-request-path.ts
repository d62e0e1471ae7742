import { isJSONRPCRequest, type JSONRPCMessage, type McpServer, type Transport } from '@modelcontextprotocol/server';

type Listener = NonNullable<Transport['onmessage']>;

interface ProtocolInternals {
  connect(transport: Transport): Promise<void>;
  _onrequest?: (request: JSONRPCMessage, extra: Parameters<Listener>[1]) => void;
}

/**
 * SDK v2's Protocol.connect installs the same message listener as SDK v1's (sdk-request-path.ts):
 * two zod parses that fail on every request before it asks whether the message is a request.
 * From then on, every transport this server connects to (the SDK's own, built per exchange) has
 * its requests go to the Protocol's request handling once the SDK's own isJSONRPCRequest says
 * they are one; anything else still goes through the listener.
 */
export function skipResponseGuards(server: McpServer): void {
  const protocol = server.server as unknown as ProtocolInternals;
  const onRequest = protocol._onrequest;
  if (typeof onRequest !== 'function') {
    throw new Error('@modelcontextprotocol/server has no Protocol._onrequest: the v2-tuned wiring must be updated for this SDK version');
  }
  const connect = protocol.connect.bind(protocol);
  protocol.connect = async (transport) => {
    // A transport with a listener of its own is left to the SDK's, which calls that one first.
    const own = transport.onmessage;
    await connect(transport);
    const listener = transport.onmessage;
    if (own !== undefined || listener === undefined) return;
    transport.onmessage = (message, extra) => (isJSONRPCRequest(message) ? onRequest.call(protocol, message, extra) : listener(message, extra));
  };
}
