/**
 * The shape of one zone's configuration (a tenant), validated with zod when the
 * registry loads it so a typo in a zone folder fails `npm test`, not a request.
 * Everything here is public configuration: secrets never live in tenants/.
 */
import { z } from "zod";

/** Labels that can never be a zone's subdomain: they name platform services. */
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
  "www",
  "api",
  "admin",
  "app",
  "apps",
  "assets",
  "static",
  "cdn",
  "mail",
  "smtp",
  "ftp",
  "root",
  "operator",
  "console",
  "status",
  "health",
  "dev",
  "staging",
  "test",
  "demo",
  "docs",
  "help",
  "support",
  "auth",
  "login",
  "sso",
  "id",
  "account",
  "accounts",
  "billing",
  "internal",
  "localhost",
  "t",
  // The platform database's name beside the zones' (PLATFORM_DB_URL) and the template name.
  "platform",
  "blank",
]);

/** A subdomain label we accept as a zone slug: DNS-safe, lower case, 2–32 chars. */
export const slugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/, "slug: 2–32 chars of a–z, 0–9 and '-', starting with a letter")
  .refine((s) => !s.includes("--"), "slug: no '--' (reserved for punycode)")
  .refine((s) => !RESERVED_SUBDOMAINS.has(s), "slug: reserved name");

const text = z.string().trim().min(1);
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "colour: #rrggbb");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date: YYYY-MM-DD");

export const policyLevelSchema = z.enum(["national", "provincial", "municipal", "zone"]);
export type PolicyLevel = z.infer<typeof policyLevelSchema>;

/** One numbered clause (条/款) of a policy document, with its verbatim text. */
export const clauseSchema = z.strictObject({
  /** Stable id used in citations, e.g. "14" for clause 14, "2.3" for (三) under 二. */
  id: z.string().regex(/^[0-9]+(\.[0-9]+)*$/),
  /** The label as printed in the source, e.g. "14." or "(三)". */
  label: text,
  /** The chapter it sits under, as printed, e.g. "六、完善企业创新激励机制,支持企业提高自主创新能力". */
  section: text.nullable(),
  /** Verbatim clause text from the seed. */
  text: text,
});

/**
 * How long a document is in force, as the document itself says (decision 0013).
 * Dated: `from`/`until` (either or both, YYYY-MM-DD, Asia/Shanghai, inclusive) with
 * `source`, the sentence of the seed that states them, verbatim — a node test
 * checks it occurs in the seed. Unspecified: the text prints no period, and the
 * pages say "文件未规定有效期" rather than guess one.
 */
export const documentValiditySchema = z.union([
  z
    .strictObject({ from: isoDate.optional(), until: isoDate.optional(), source: text })
    .refine(
      (v) => v.from !== undefined || v.until !== undefined,
      "validity: give from, until or both — or { unspecified: true }",
    )
    .refine((v) => !v.from || !v.until || v.from <= v.until, "validity: from is after until"),
  z.strictObject({ unspecified: z.literal(true) }),
]);

/**
 * An extension the zone publishes in a policy version (its own notice keeping an
 * expired document's programmes open): programmes stay open up to `until`.
 */
export const documentExtensionSchema = z.strictObject({
  until: isoDate,
  /** The notice that extends it, as the zone names it, e.g. "关于延长……有效期的通知(长高发〔2024〕1号)". */
  by: text,
});

/** A policy document (政策文件) as published by its issuing body. */
export const policyDocumentSchema = z
  .strictObject({
    /** Stable id, unique within the zone, used in URLs: e.g. "zibo-zichuang-2017". */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
    title: text,
    /** 文号, e.g. "长高发〔2020〕65号"; null where the source prints none. */
    docNumber: text.nullable(),
    /** Issuing body (发文机关); several joined by "、". */
    issuer: text,
    issuedOn: isoDate,
    /**
     * When its programmes apply: from the date it takes effect (default: issuedOn) to its expiry,
     * null where none is printed.
     */
    effectiveFrom: isoDate.optional(),
    effectiveTo: isoDate.nullable().optional(),
    /**
     * Its validity as printed (see documentValiditySchema). Optional only so versions
     * published before it existed still parse; every zone document carries one
     * (tenants/document-validity.test.ts), and a missing one reads as unspecified.
     * The engine takes each programme's period from it (and `extension`) when
     * effectiveFrom/effectiveTo above are unset (worker/engines/policy/compile.ts periodOf,
     * decision 0013), so every evaluation refuses an expired programme the same way.
     */
    validity: documentValiditySchema.optional(),
    /** The zone's extension beyond `validity.until`, published in a policy version. */
    extension: documentExtensionSchema.optional(),
    level: policyLevelSchema,
    /** One or two sentences on what the document is for, in Chinese. */
    summary: text,
    /**
     * The seed file the text was taken from (../shared/seeds/), or "demo": a demonstration text the
     * seeds do not hold (演示 in its title, no 文号), whose clauses name the public texts its figures follow.
     */
    source: z.strictObject({
      seed: z.union([z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/), z.literal("demo")]),
      url: z.url().nullable(),
    }),
    clauses: z.array(clauseSchema).min(1),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    for (const c of doc.clauses) {
      if (seen.has(c.id)) ctx.addIssue({ code: "custom", message: `duplicate clause id ${c.id}`, path: ["clauses"] });
      seen.add(c.id);
    }
    if (doc.source.seed === "demo" && (!doc.title.includes("演示") || doc.docNumber !== null))
      ctx.addIssue({
        code: "custom",
        message: "a demo document says 演示 in its title and has no 文号",
        path: ["source", "seed"],
      });
    if (doc.extension) {
      const until = doc.validity && "until" in doc.validity ? doc.validity.until : undefined;
      if (!until)
        ctx.addIssue({
          code: "custom",
          message: "extension: only a document with validity.until can be extended",
          path: ["extension"],
        });
      else if (doc.extension.until <= until)
        ctx.addIssue({
          code: "custom",
          message: `extension: until must be after validity.until (${until})`,
          path: ["extension", "until"],
        });
    }
  });
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

export const industrySchema = z.strictObject({
  /** Stable code within the zone, e.g. "new-materials". */
  code: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  zh: text,
  en: text,
});

/**
 * Sign-in and session rules, per zone. Defaults follow OWASP's session guidance;
 * `dengbao` switches on the 等保 2.0 password complexity and 90-day rotation.
 */
export const securitySchema = z.strictObject({
  idleMinutes: z.number().int().min(5).max(240).default(30),
  absoluteHours: z.number().int().min(1).max(24).default(12),
  rememberDays: z.number().int().min(1).max(30).default(30),
  dengbao: z.boolean().default(false),
  lockout: z
    .strictObject({
      attempts: z.number().int().min(3).max(20).default(5),
      windowMinutes: z.number().int().min(1).max(120).default(15),
      lockMinutes: z.number().int().min(1).max(1440).default(15),
    })
    .prefault({}),
  /** Failed sign-ins from one IP address within the window before it must wait. */
  ipLimit: z
    .strictObject({
      attempts: z.number().int().min(5).max(1000).default(30),
      windowMinutes: z.number().int().min(1).max(120).default(15),
    })
    .prefault({}),
});
export type ZoneSecurity = z.infer<typeof securitySchema>;

/** A qualification an enterprise can claim in this zone (高新技术企业, 专精特新, ...). */
export const qualificationTypeSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  zh: text,
  en: text,
  /** Whether a certificate number and date must be given (e.g. 高新技术企业证书). */
  certificate: z.boolean(),
});

/** The qualifications the seeds' programmes test for; a zone may replace the list. */
export const DEFAULT_QUALIFICATIONS: z.input<typeof qualificationTypeSchema>[] = [
  { code: "hnte", zh: "高新技术企业", en: "High and New Technology Enterprise", certificate: true },
  { code: "tech-sme", zh: "科技型中小企业", en: "Technology-based SME", certificate: true },
  {
    code: "above-scale",
    zh: "规模以上工业企业(规上企业)",
    en: "Above-scale industrial enterprise",
    certificate: false,
  },
  {
    code: "specialised",
    zh: "专精特新企业",
    en: "Specialised, refined, distinctive and innovative",
    certificate: true,
  },
  { code: "production", zh: "生产型企业", en: "Production enterprise", certificate: false },
  { code: "non-production", zh: "非生产型企业", en: "Non-production enterprise", certificate: false },
];

/** One stage of subsidy review (政策兑现): who acts, and how long staff have to act. */
export const subsidyStageSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
  zh: text,
  /**
   * review: staff pass, return or reject; publicity: 公示, moves on by itself after the notice period; payment: approve
   * for payment, then record payments.
   */
  kind: z.enum(["review", "publicity", "payment"]),
  /** Roles that act at this stage (none for publicity, which the clock moves). */
  roles: z.array(z.enum(["zone_admin", "reviewer"])).default([]),
  /** Working days staff have at this stage, shown to the enterprise as "by when". */
  dueWorkingDays: z.number().int().min(1).max(60).default(10),
});
export type SubsidyStage = z.infer<typeof subsidyStageSchema>;

export const DEFAULT_SUBSIDY_STAGES: z.input<typeof subsidyStageSchema>[] = [
  { key: "first-review", zh: "初审", kind: "review", roles: ["reviewer", "zone_admin"], dueWorkingDays: 10 },
  { key: "second-review", zh: "复审", kind: "review", roles: ["reviewer", "zone_admin"], dueWorkingDays: 10 },
  { key: "publicity", zh: "公示", kind: "publicity", roles: [], dueWorkingDays: 5 },
  { key: "payment", zh: "拨付", kind: "payment", roles: ["zone_admin"], dueWorkingDays: 15 },
];

/**
 * How a zone runs subsidy applications: its review stages, the public notice
 * period in working days (Asia/Shanghai), and the zone's LOCAL additions to the
 * working-day calendar. The national 放假 and 调休上班 days come from the State
 * Council's annual notices in worker/lib/cn-public-holidays.ts and apply to every
 * zone without being listed here; `holidays` adds local days off (even on a
 * national 调休 Saturday), `extraWorkdays` adds local weekend working days but
 * cannot cancel a national holiday. The same calendar counts loan deadlines.
 */
export const subsidySettingsSchema = z
  .strictObject({
    stages: z.array(subsidyStageSchema).min(2).prefault(DEFAULT_SUBSIDY_STAGES),
    noticeWorkingDays: z.number().int().min(1).max(30).default(5),
    /** Working days an enterprise is given to correct a returned application (shown, not enforced). */
    correctionWorkingDays: z.number().int().min(1).max(60).default(10),
    holidays: z.array(isoDate).default([]),
    extraWorkdays: z.array(isoDate).default([]),
  })
  .superRefine((s, ctx) => {
    const kinds = s.stages.map((x) => x.kind);
    if (kinds.filter((k) => k === "publicity").length !== 1)
      ctx.addIssue({ code: "custom", message: "subsidy.stages: exactly one publicity (公示) stage", path: ["stages"] });
    if (kinds.at(-1) !== "payment" || kinds.filter((k) => k === "payment").length !== 1)
      ctx.addIssue({ code: "custom", message: "subsidy.stages: one payment (拨付) stage, last", path: ["stages"] });
    if (kinds[0] !== "review")
      ctx.addIssue({ code: "custom", message: "subsidy.stages: the first stage is a review", path: ["stages"] });
    if (new Set(s.stages.map((x) => x.key)).size !== s.stages.length)
      ctx.addIssue({ code: "custom", message: "subsidy.stages: duplicate key", path: ["stages"] });
    s.stages.forEach((x, i) => {
      if (x.kind !== "publicity" && x.roles.length === 0)
        ctx.addIssue({
          code: "custom",
          message: `subsidy.stages.${x.key}: name the roles that act`,
          path: ["stages", i, "roles"],
        });
    });
  });

/**
 * 金融超市 response times, in working days (the zone's calendar): accept or decline, then decide.
 * An application past its day is flagged to the bank at once; the zone admins are told
 * `escalation.afterWorkingDays` working days later if it is still not acted on (0: at once, with the bank).
 */
export const financeSettingsSchema = z.strictObject({
  acceptWorkingDays: z.number().int().min(1).max(30).default(3),
  decideWorkingDays: z.number().int().min(1).max(60).default(10),
  escalation: z.strictObject({ afterWorkingDays: z.number().int().min(0).max(30).default(0) }).prefault({}),
  /** LPR the zone recorded (worker/lib/lpr.ts LprRate), merged over the national list; settings.ts words the checks. */
  lpr: z
    .array(
      z.strictObject({
        term: z.enum(["1y", "5y"]),
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        bp: z.number().int().min(1).max(2000),
        source: z.string().min(1).max(200),
      }),
    )
    .max(240)
    .default([]),
});

export const zoneSchema = z
  .strictObject({
    slug: slugSchema,
    name: z.strictObject({ zh: text, en: text }),
    /** Short name for headers on small screens, e.g. "淄博高新区". */
    shortName: z.strictObject({ zh: text, en: text }),
    /**
     * Letters that start the zone's application numbers (ZB-2026-000123), e.g. "ZB" for 淄博;
     * without it, the slug's initials (see zoneCode). Changing it renames every number shown.
     */
    code: z
      .string()
      .regex(/^[A-Z]{2,4}$/, "code: 2–4 capital letters, e.g. ZB")
      .optional(),
    /** City and province, for the footer and the operator page. */
    region: z.strictObject({ province: text, city: text }),
    branding: z.strictObject({ primary: hexColour, accent: hexColour }),
    contact: z.strictObject({
      /**
       * Who resets passwords, as the zone's portal says it (kept as the source's words; the
       * pages say both ways — self-service and the administrators' phone — in one sentence).
       */
      passwordHelp: text,
      phone: z.string().regex(/^0\d{2,3}-\d{7,8}$/, "phone: area code and number, e.g. 0546-8317796"),
      office: text,
      /** True where the phone number is printed in the seed; false where it is a placeholder to be confirmed. */
      phoneFromSource: z.boolean(),
    }),
    priorityIndustries: z.array(industrySchema).min(1),
    security: securitySchema.prefault({}),
    qualifications: z.array(qualificationTypeSchema).min(1).prefault(DEFAULT_QUALIFICATIONS),
    subsidy: subsidySettingsSchema.prefault({}),
    finance: financeSettingsSchema.prefault({}),
    // A new zone may start with no documents (tenant:create); the home page says so.
    documents: z.array(policyDocumentSchema),
  })
  .superRefine((zone, ctx) => {
    const ids = new Set<string>();
    for (const d of zone.documents) {
      if (ids.has(d.id))
        ctx.addIssue({ code: "custom", message: `duplicate document id ${d.id}`, path: ["documents"] });
      ids.add(d.id);
    }
  });
export type ZoneConfig = z.infer<typeof zoneSchema>;

/**
 * The letters of the zone's application numbers: its `code`, or the slug's initials ("new-area" → "NA", "zibo" → "ZI").
 */
export function zoneCode(zone: Pick<ZoneConfig, "slug" | "code">): string {
  if (zone.code) return zone.code;
  const parts = zone.slug.split("-").filter(Boolean);
  const letters =
    parts.length > 1
      ? parts
          .map((p) => p[0])
          .join("")
          .slice(0, 4)
      : zone.slug.slice(0, 2);
  return letters.replace(/[^a-z]/g, "").toUpperCase() || "YQ";
}

/** Parses a zone's raw data, throwing an error that names the zone and the field. */
export function defineZone(raw: z.input<typeof zoneSchema>): ZoneConfig {
  const parsed = zoneSchema.safeParse(raw);
  if (!parsed.success) {
    const where = typeof raw === "object" && raw && "slug" in raw ? String(raw.slug) : "?";
    throw new Error(`tenants/${where}: invalid zone configuration\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
