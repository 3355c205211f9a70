/** How a list API documents its Excel download: `?format=xlsx` and the spreadsheet response beside its JSON. */
import { z } from "@hono/zod-openapi";
import { XLSX_CONTENT_TYPE } from "./index";

/** `format`: json (the default, one page) or xlsx (every match, one workbook). */
export const ExportFormat = z.enum(["json", "xlsx"], "format 只能是 json 或 xlsx").optional().openapi({
  description: "json (default): one page as JSON; xlsx: every match, with the same filters, as an Excel workbook",
});

/** A 200 that is JSON of `schema`, or with ?format=xlsx the workbook. */
export const jsonOrXlsx = <T extends z.ZodType>(schema: T, description: string) => ({
  description: `${description}; with format=xlsx an .xlsx workbook (Chinese file name in Content-Disposition)`,
  content: {
    "application/json": { schema },
    [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
  },
});
