/**
 * The console's words for what the control plane stores: IDN hostnames decoded, audit details
 * in Chinese, the provisioning service's refusals under the right field of 创建园区, and the
 * admin-link page saying whether an account was made.
 */
import { describe, expect, it } from "vitest";
import { AdminLinkIssuedPage } from "../../../../web/pages/operator/admin-link-issued";
import { hostnameForDisplay } from "../../../../web/pages/operator/hostname-label";
import { auditDetailText } from "../../../../web/pages/operator/labels";
import { ZonePage, type ZoneDetail } from "../../../../web/pages/operator/zone";
import { newZoneErrors } from "./new-zone-errors";

const FORM_FIELDS = ["slug", "nameZh", "nameEn", "province", "city", "phone", "template"];

describe("hostnameForDisplay", () => {
  it("decodes each xn-- label and leaves ASCII names and broken labels as stored", () => {
    expect(hostnameForDisplay("xn--dkrx9f.xn--fsqu00a.xn--fiqs8s")).toBe("园区.例子.中国");
    expect(hostnameForDisplay("xn--bcher-kva.de")).toBe("bücher.de");
    expect(hostnameForDisplay("yuanqu.example.gov.cn")).toBe("yuanqu.example.gov.cn");
    expect(hostnameForDisplay("xn--zz.com")).toBe("xn--zz.com");
    expect(hostnameForDisplay("xn--.com")).toBe("xn--.com");
  });

  it("is the inverse of the URL parser's IDNA mapping", () => {
    for (const name of ["园区.例子.中国", "münchen-ost.例子.公司", "高新区.中国"]) {
      expect(hostnameForDisplay(new URL(`http://${name}/`).hostname)).toBe(name);
    }
  });
});

describe("auditDetailText", () => {
  it("names each key and value in Chinese", () => {
    const created = JSON.stringify({ template: "blank", steps: ["register", "create-database", "activate"] });
    expect(auditDetailText(created, hostnameForDisplay)).toBe(
      "模板:空白模板(不带政策文件);步骤:登记园区 → 创建数据库 → 开始服务",
    );
    expect(auditDetailText(JSON.stringify({ from: "suspended" }), hostnameForDisplay)).toBe("原状态:已暂停");
    expect(auditDetailText(JSON.stringify({ email: "a@b.cn", created: false }), hostnameForDisplay)).toBe(
      "邮箱:a@b.cn;新建账号:否",
    );
    expect(auditDetailText(JSON.stringify({ hostname: "xn--fiqs8s.xn--fiqs8s" }), hostnameForDisplay)).toBe(
      "域名:中国.中国",
    );
  });

  it("shows what it cannot read as stored", () => {
    expect(auditDetailText(null, hostnameForDisplay)).toBe("");
    expect(auditDetailText("not json", hostnameForDisplay)).toBe("not json");
    expect(auditDetailText("[1,2]", hostnameForDisplay)).toBe("[1,2]");
  });
});

describe("newZoneErrors", () => {
  it("says why a slug was refused in Chinese, and drops the keyed English summary", () => {
    const refused = {
      message: "输入有误:slug:slug: reserved name;name.zh:请填写园区中文名称",
      fields: { slug: "slug: reserved name", "name.zh": "请填写园区中文名称" },
    };
    const shown = newZoneErrors(refused, 422, "www", FORM_FIELDS);
    expect(shown.message).toBeUndefined();
    expect(shown.fields?.slug).toContain("“www”是平台保留的名称");
    expect(shown.fields?.nameZh).toBe("请填写园区中文名称");
    expect(newZoneErrors({ fields: { slug: "x" } }, 422, "", FORM_FIELDS).fields?.slug).toContain("请填写园区标识");
    expect(newZoneErrors({ fields: { slug: "x" } }, 422, "a--b", FORM_FIELDS).fields?.slug).toContain("--");
    expect(newZoneErrors({ fields: { slug: "x" } }, 422, "Gao Xin", FORM_FIELDS).fields?.slug).toContain("小写字母");
  });

  it("puts a taken slug under 园区标识, and keeps a failed step's message whole", () => {
    const taken = newZoneErrors({ message: "园区标识“zibo”已被淄博使用,请换一个。" }, 409, "zibo", FORM_FIELDS);
    expect(taken).toEqual({ fields: { slug: "园区标识“zibo”已被淄博使用,请换一个。" } });
    const failed = newZoneErrors(
      { message: "开通时失败,再次提交。", fields: { step: "migrate" } },
      503,
      "a",
      FORM_FIELDS,
    );
    expect(failed).toEqual({ message: "开通时失败,再次提交。" });
  });
});

const ZONE: ZoneDetail = {
  slug: "gaoxin",
  nameZh: "高新区",
  region: "山东省 · 济南市",
  status: "active",
  origin: "http://gaoxin.localhost",
  hostnames: ["xn--dkrx9f.xn--fsqu00a.xn--fiqs8s"],
  stats: null,
  nameEn: "Gaoxin",
  phone: "0531-1234567",
  template: "blank",
  createdAt: "2026-12-01T00:00:00.000Z",
  provisionStep: null,
  provisionError: null,
};
const OPERATOR = { name: "运营", email: "op@example.com" };

describe("ZonePage", () => {
  it("shows an IDN hostname as people write it, with its DNS form, and asks before removing it", () => {
    const html = String(ZonePage({ nonce: undefined, operator: OPERATOR, zone: ZONE }));
    expect(html).toContain("园区.例子.中国<small>(DNS 中写作 xn--dkrx9f.xn--fsqu00a.xn--fiqs8s)</small>");
    expect(html).toContain('data-confirm="确定移除域名 园区.例子.中国?');
    expect(html).toContain('name="hostname" value="xn--dkrx9f.xn--fsqu00a.xn--fiqs8s"');
  });

  it("names a stalled provisioning step in Chinese", () => {
    const zone = { ...ZONE, status: "provisioning" as const, provisionStep: "create-database", provisionError: "x" };
    expect(String(ZonePage({ nonce: undefined, operator: OPERATOR, zone }))).toContain("停在“创建数据库”这一步");
  });

  it("shows a hostname refusal once under the field, not again as the summary's heading", () => {
    const message = "不能使用 IP 地址,请填写域名";
    const form = {
      name: "hostname" as const,
      values: { hostname: "1.2.3.4" },
      errors: { message, fields: { hostname: message } },
    };
    const html = String(ZonePage({ nonce: undefined, operator: OPERATOR, zone: ZONE, form }));
    expect(html).toContain("请按提示修改以下内容后再提交。");
    expect(html.split(message).length - 1).toBe(2); // the summary's link and the field's error
  });
});

describe("AdminLinkIssuedPage", () => {
  const props = {
    nonce: undefined,
    operator: OPERATOR,
    zone: { slug: "gaoxin", nameZh: "高新区" },
    link: "http://gaoxin.localhost/reset-password?token=t",
    expiresAt: new Date("2026-12-01T01:00:00Z"),
  };
  it("says whether it made an account, in one sentence without stray spaces", () => {
    const made = String(AdminLinkIssuedPage({ ...props, admin: { name: "王", email: "w@x.cn", created: true } }));
    expect(made).toContain("已为 <strong>王</strong>(w@x.cn)创建高新区的园区管理员账号。请把下面的链接");
    const again = String(AdminLinkIssuedPage({ ...props, admin: { name: "王", email: "w@x.cn", created: false } }));
    expect(again).toContain("w@x.cn 已是高新区的园区管理员,没有新建账号,已为其生成新的设置密码链接。请把链接");
    expect(again).not.toContain("已有的管理员");
  });
});
