/**
 * Server-rendered charts (web/components/charts): the value axis's nice ticks, bars in
 * proportion, stacks that add up, links named after their figure, a table whose numbers read in
 * the chart's unit, nulls, empty data and escaping — all on the HTML string Hono renders, as a
 * page sends it.
 */
import { describe, expect, it } from "vitest";
import { Chart, type ChartSpec } from "../../web/components/charts/chart";
import { layoutChart } from "../../web/components/charts/layout";
import { niceTicks } from "../../web/components/charts/scale";

const html = (spec: ChartSpec) => String(Chart({ spec }));
const months = ["1月", "2月", "3月", "4月"];

/** The text of each cell in the chart's table body, row by row (tags stripped). */
function tableCells(out: string): string[][] {
  const body = out.slice(out.indexOf("<tbody>"), out.indexOf("</tbody>"));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => (c[1] ?? "").replace(/<[^>]+>/g, "")),
  );
}

describe("the value axis", () => {
  it("starts at 0 and has four to six nice steps that reach the largest value", () => {
    for (const max of [0.3, 1, 2, 3.7, 7, 9.99, 12, 45, 99, 100, 101, 250, 999, 1234, 56_789, 3e7]) {
      for (const integer of [false, true]) {
        const ticks = niceTicks(max, integer);
        expect(ticks[0]).toBe(0);
        expect(ticks.length - 1, `${max}`).toBeGreaterThanOrEqual(4);
        expect(ticks.length - 1, `${max}`).toBeLessThanOrEqual(6);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        const step = ticks[1] ?? 0;
        expect(String(step / 10 ** Math.floor(Math.log10(step)))).toMatch(/^(1|2|2\.5|5)$/);
        if (integer) expect(ticks.every(Number.isInteger)).toBe(true);
      }
    }
    expect(niceTicks(120, false)).toEqual([0, 20, 40, 60, 80, 100, 120]);
    expect(niceTicks(3, true)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0, true)).toEqual([0, 1, 2, 3, 4]);
  });

  it("is in 万元 for money from 1万元, with the unit said once", () => {
    const g = layoutChart(
      {
        id: "m",
        title: "金额",
        kind: "bar",
        categories: ["一", "二"],
        unit: "fen",
        series: [{ label: "核定", values: [120e6, 30e6] }],
      },
      "wide",
    );
    expect(g.axisUnit).toBe("单位：万元");
    expect(g.ticks.map((t) => t.label)).toEqual(["0", "20", "40", "60", "80", "100", "120"]);
  });
});

describe("bars", () => {
  const spec: ChartSpec = {
    id: "b",
    title: "申请件数",
    kind: "bar",
    categories: months,
    unit: "count",
    unitLabel: "件",
    series: [{ label: "申请", values: [10, 20, 40, -5] }],
  };

  it("are as tall as their values on the axis (negatives drawn as 0)", () => {
    for (const variant of ["wide", "narrow"] as const) {
      const g = layoutChart(spec, variant);
      expect(g.orientation).toBe("vertical");
      const top = 40; // niceTicks(40, true) ends at 40
      const [a, b, c, d] = g.bars;
      expect(a?.h).toBeCloseTo((10 / top) * g.plot.h, 0);
      expect(b?.h).toBeCloseTo((20 / top) * g.plot.h, 0);
      expect(c?.h).toBeCloseTo(g.plot.h, 0);
      expect(d?.h).toBe(0);
      // Standing on the axis.
      for (const bar of g.bars) expect(bar.y + bar.h).toBeCloseTo(g.plot.y + g.plot.h, 0);
    }
  });

  it("stack to their category's total, and the table adds a 合计 column", () => {
    const stacked: ChartSpec = {
      id: "s",
      title: "各阶段申请",
      kind: "stackedBar",
      categories: ["初审", "复审"],
      unit: "count",
      unitLabel: "件",
      series: [
        { label: "高企奖励", values: [3, 12] },
        { label: "研发补助", values: [7, null] },
        { label: "人才补贴", values: [10, 8] },
      ],
    };
    const g = layoutChart(stacked, "wide");
    const top = g.ticks.length && Number(g.ticks.at(-1)?.label);
    expect(top).toBe(20);
    const first = g.bars.filter((b) => b.name.startsWith("「初审」"));
    expect(first).toHaveLength(3);
    expect(first.reduce((s, b) => s + b.h, 0)).toBeCloseTo(g.plot.h, 0); // 20 of 20
    // Each segment sits on the one below it.
    expect(first[1]?.y ?? 0).toBeCloseTo((first[0]?.y ?? 0) - (first[1]?.h ?? 0), 0);
    expect(g.bars.filter((b) => b.name.startsWith("「复审」"))).toHaveLength(2);
    expect(tableCells(html(stacked))).toEqual([
      ["初审", "3件", "7件", "10件", "20件"],
      ["复审", "12件", "—", "8件", "20件"],
    ]);
  });

  it("with an href are links named after their figure, in the SVG and in the table", () => {
    const out = html({
      ...spec,
      unit: "fen",
      unitLabel: undefined,
      series: [
        { label: "奖补金额", values: [12e8, 5e6, null, 0], href: months.map((_, i) => `/admin/subsidies?m=${i + 1}`) },
      ],
    });
    expect(out).toContain(
      '<a class="chart-link" href="/admin/subsidies?m=1" aria-label="「1月」奖补金额 1,200万元，查看明细">',
    );
    expect(out).toContain('aria-label="「4月」奖补金额 0万元，查看明细"');
    // Two SVG layouts (wide and narrow) each link the three figures; a null has no bar and no link.
    expect(out.match(/class="chart-link"/g)).toHaveLength(6);
    expect(out).not.toContain("m=3");
    expect(out).toContain('<td class="num" data-label="奖补金额"><a href="/admin/subsidies?m=2">5万元</a></td>');
    // Linked charts are groups (an image's links would be hidden from screen readers).
    expect(out).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="chart-b-wide-title"/);
  });

  it("with names too long for columns are laid across, each name whole in a tooltip when shortened", () => {
    const banks = [
      "中国工商银行股份有限公司淄博高新技术产业开发区支行",
      "齐商银行",
      "中国建设银行淄博分行营业部",
      "农商银行",
    ];
    const g = layoutChart(
      {
        id: "h",
        title: "各银行放款",
        kind: "bar",
        categories: banks,
        unit: "count",
        series: [{ label: "放款", values: [5, 3, 2, 1] }],
      },
      "narrow",
    );
    expect(g.orientation).toBe("horizontal");
    expect(g.categories[0]?.lines[0]).toMatch(/…$/);
    expect(g.categories[0]?.full).toBe(banks[0]);
    expect(g.categories[1]).toMatchObject({ lines: ["齐商银行"], full: null });
    expect(g.bars[0]?.w).toBeCloseTo(g.plot.w, 0); // 5 of an axis that ends at 5
    expect(g.bars[1]?.w).toBeCloseTo((3 / 5) * g.plot.w, 0);
  });
});

describe("the table of numbers", () => {
  const one = (unit: ChartSpec["unit"], values: (number | null)[], unitLabel?: string) =>
    tableCells(
      html({
        id: "t",
        title: "表",
        kind: "bar",
        categories: months.slice(0, values.length),
        unit,
        unitLabel,
        series: [{ label: "值", values }],
      }),
    ).map((r) => r[1]);

  it("reads in the chart's unit: 万元 for the whole chart from 1万元, else 元; 家, 天, % as given", () => {
    expect(one("fen", [120e6, 5_000, 0])).toEqual(["120万元", "0.01万元", "0万元"]);
    expect(one("fen", [99_999, 1_050])).toEqual(["999.99元", "10.5元"]);
    expect(one("count", [1234, 0], "家")).toEqual(["1,234家", "0家"]);
    expect(one("days", [4.46, 12])).toEqual(["4.5天", "12天"]);
    expect(one("percent", [62.5, 100])).toEqual(["62.5%", "100%"]);
    expect(one("count", [Number.NaN, 2], "家")).toEqual(["—", "2家"]);
    expect(one("number", [12.345, null], "件/万人")).toEqual(["12.35件/万人", "—"]);
  });

  it("has the title as its caption, categories as rows and series as right-aligned columns", () => {
    const out = html({
      id: "c",
      title: "预算执行",
      kind: "bar",
      categories: ["1月"],
      unit: "count",
      series: [{ label: "已拨付", values: [3] }],
      reference: { label: "预算", values: [5] },
    });
    expect(out).toContain('<table class="grid chart-table" id="chart-c-table"><caption>预算执行</caption>');
    expect(out).toContain('<th scope="col" class="num">已拨付</th><th scope="col" class="num">预算</th>');
    expect(tableCells(out)).toEqual([["1月", "3", "5"]]);
  });
});

describe("a chart", () => {
  it("with no data says 暂无数据 and draws nothing", () => {
    for (const spec of [
      { id: "e", title: "空", kind: "bar", categories: [], unit: "count", series: [] },
      {
        id: "e",
        title: "空",
        kind: "line",
        categories: ["1月"],
        unit: "count",
        series: [{ label: "x", values: [null] }],
      },
    ] satisfies ChartSpec[]) {
      const out = html(spec);
      expect(out).toContain('<p class="chart-empty">暂无数据</p>');
      expect(out).not.toContain("<svg");
      expect(out).not.toContain("<table");
    }
  });

  it("escapes labels, titles and notes", () => {
    const out = html({
      id: 'x"><script>',
      title: "<b>标题</b>",
      kind: "bar",
      categories: ["<script>alert(1)</script>", "二"],
      unit: "count",
      series: [{ label: "<i>系列</i>", values: [1, 2], href: ['"><script>alert(2)</script>', null] }],
      note: "<img src=x onerror=alert(3)>",
    });
    expect(out).not.toMatch(/<script|<img|<b>|<i>|onerror=alert\(3\)>/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain('id="chart-x---script-"');
  });

  it("draws a line broken at nulls, the reference dashed, and is one named image when nothing links", () => {
    const spec: ChartSpec = {
      id: "l",
      title: "研发投入占比",
      kind: "line",
      categories: ["2017年", "2018年", "2019年", "2020年"],
      unit: "percent",
      series: [{ label: "实际", values: [2.1, null, 2.6, 2.8] }],
      reference: { label: "目标", values: [3.2, 3.2, 3.2, 3.2] },
    };
    const g = layoutChart(spec, "wide");
    expect(g.lines[0]?.d.match(/M/g)).toHaveLength(2);
    expect(g.lines[0]?.points).toHaveLength(3);
    expect(g.reference?.match(/M/g)).toHaveLength(1);
    const out = html(spec);
    expect(out).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="chart-l-wide-title"[^>]*aria-describedby="chart-l-wide-desc"/,
    );
    expect(out).toContain('<title id="chart-l-wide-title">研发投入占比</title>');
    expect(out).toContain('<title id="chart-l-narrow-title">研发投入占比</title>');
    expect(out).toContain('stroke-dasharray="6 4"');
    expect(out).toContain("折线图，4项（2017年至2020年），实际；虚线为目标。");
  });

  it("thins a long sequence's labels instead of crowding them, and wraps long names under columns", () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
    const series = [{ label: "a", values: twelve.map((_, i) => i) }];
    const narrow = layoutChart(
      { id: "m", title: "t", kind: "bar", categories: twelve, unit: "count", series },
      "narrow",
    );
    expect(narrow.categories.map((c) => c.lines.join(""))).toEqual(["1月", "3月", "5月", "7月", "9月", "11月"]);
    const wide = layoutChart({ id: "m", title: "t", kind: "bar", categories: twelve, unit: "count", series }, "wide");
    expect(wide.categories).toHaveLength(12);
    const banks = ["中国工商银行淄博分行", "齐商银行高新支行", "中国建设银行淄博高新区支行", "恒丰银行", "农商银行"];
    const values = banks.map((_, i) => i + 1);
    const under = layoutChart(
      { id: "w", title: "t", kind: "bar", categories: banks, unit: "count", series: [{ label: "a", values }] },
      "wide",
    );
    expect(under.orientation).toBe("vertical");
    expect(under.categories[2]?.lines).toHaveLength(2);
    expect(under.categories[2]?.lines.join("")).toBe(banks[2]);
    expect(under.categories[4]?.lines).toEqual(["农商银行"]);
  });
});
