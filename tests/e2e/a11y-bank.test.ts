/** Accessibility of the bank's pages: see ./a11y-suite.ts. */
import { a11ySuite } from "./a11y-suite";

a11ySuite("bank");
