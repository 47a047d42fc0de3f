import type { IncomingMessage, ServerResponse } from "node:http";

/** One HTTP exchange as the server hands it to a service or the admin API: the body is buffered, the URL split. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  body: Buffer;
  rawPath: string;
  rawQuery: string;
}
