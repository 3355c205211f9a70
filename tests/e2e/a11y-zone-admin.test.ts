/** Accessibility of the zone admin's pages: see ./a11y-suite.ts. */
import { a11ySuite } from "./a11y-suite";

a11ySuite("zone admin");
