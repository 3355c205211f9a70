/** Accessibility of zone staff's pages (reviewer, zone admin): see ./a11y-suite.ts. */
import { a11ySuite } from "./a11y-suite";

a11ySuite("a11y-staff", ["reviewer", "zone admin"]);
