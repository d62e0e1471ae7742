#!/usr/bin/env node
// The MCP floor in a process of its own, pinned like a server: reads FloorOptions (JSON) from argv, prints one answer line.
import { serveProbe } from '../probe-process.js';
import { measureFloor } from './mcp-floor.js';

serveProbe(measureFloor);
