// The demo zones, which are also the templates a new zone can copy (control-plane/zone-base.ts).
// Zones themselves live in the control plane (`npm run tenant:create`, the operator console);
// a new template folder needs its import here and its policy set in policy-sets.ts.
import { createZoneRegistry } from "./registry";
import zone_changzhi from "./changzhi/zone";
import zone_dongying from "./dongying/zone";
import zone_zibo from "./zibo/zone";

export const zones = createZoneRegistry([zone_changzhi, zone_dongying, zone_zibo]);
