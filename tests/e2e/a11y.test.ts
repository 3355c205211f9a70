/** Accessibility of every role's pages and of each zone's colours: see ./a11y-suite.ts. */
import { a11ySuite } from "./a11y-suite";

a11ySuite({ zoneColours: true });
