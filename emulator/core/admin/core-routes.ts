import type { FaultInjector } from "../faults";
import type { RequestLog } from "../http/request-log";
import type { AdminRoute } from "./router";

/** The admin routes of the shared machinery: health, fault rules and the request log. */
export function coreAdminRoutes(faults: FaultInjector, log: RequestLog): AdminRoute[] {
  return [
    ["GET", /^health$/, () => ({ ok: true })],
    ["GET", /^faults$/, () => faults.state()],
    ["PUT", /^faults$/, ({ body }) => faults.configure(body)],
    ["DELETE", /^faults$/, () => faults.clear()],
    ["GET", /^requests$/, () => log.list()],
    ["DELETE", /^requests$/, () => log.clear()],
  ];
}
