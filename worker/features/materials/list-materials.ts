/** The materials of one application or enterprise, oldest first (the order they were uploaded). */
import { and, asc, eq } from "drizzle-orm";
import type { RequestCtx } from "../../middleware/request-ctx";
import { materials } from "../../db/schema";
import type { MaterialRow } from "./save-material";

export async function listMaterials(
  { db }: Pick<RequestCtx, "db">,
  ownerKind: MaterialRow["ownerKind"],
  ownerId: string,
): Promise<MaterialRow[]> {
  return db
    .select()
    .from(materials)
    .where(and(eq(materials.ownerKind, ownerKind), eq(materials.ownerId, ownerId)))
    .orderBy(asc(materials.createdAt), asc(materials.id));
}
