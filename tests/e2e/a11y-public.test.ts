/** Accessibility of the public's, members' and banks' pages, and of each zone's colours: see ./a11y-suite.ts. */
import { a11ySuite } from "./a11y-suite";

a11ySuite("a11y-public", ["anonymous", "enterprise", "bank"], { zoneColours: true });
