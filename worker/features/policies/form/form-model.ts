/**
 * The programme form's model: which parts of a programme of the rule format a zone admin edits in
 * fields, named by their path in the programme ("amount.0.capFen"), and which are kept as they
 * are (shown read-only: a calculation base, a `when` test, limits' scopes). Lists (materials,
 * windows, tiers, limits) are rows with 删除 and blank rows to add: ./form-rows.ts. The fields are derived
 * from the programme itself, so the form grows with the rule and never writes a path it did not
 * show; whatever it does not show is carried over untouched by ./apply-form.ts.
 */
import { APPLICANT_KINDS, CATEGORIES, type Programme } from "../../../engines/policy/format/programme";
import type {
  FormField,
  FormItem,
  FormRow,
  FormSection,
  RowKind,
} from "../../../../web/pages/policy/programme-form-view";
import { choiceRowFacts } from "./form-choice-rows";
import { componentRowsItem } from "./form-component-rows";
import { conditionRowsItem } from "./form-condition-rows";
import { field, kept, type FormContext } from "./form-items";
import { limitRowsItem } from "./form-limit-rows";
import { NEW_ROWS } from "./form-rows";

export type { FormContext, FormField, FormItem, FormRow, FormSection, RowKind };

function rows(list: "materials" | "windows", count: number): FormRow[] {
  const out: FormRow[] = [];
  for (let index = 0; index < count + NEW_ROWS; index++) {
    const isNew = index >= count;
    const fields: FormField[] =
      list === "materials"
        ? [
            { name: `materials.${index}.zh`, kind: "text", label: "材料名称", optional: isNew },
            {
              name: `materials.${index}.required`,
              kind: "select",
              label: "是否必交",
              options: [
                { value: "true", label: "必交" },
                { value: "false", label: "选交" },
              ],
            },
          ]
        : [
            { name: `windows.${index}.from`, kind: "date", label: "开始日期", optional: isNew },
            { name: `windows.${index}.to`, kind: "date", label: "截止日期", optional: isNew },
          ];
    out.push({ index, isNew, items: fields.map((f) => field(f)) });
  }
  return out;
}

/** The form of `p`: its sections in the order a clerk reads a clause. */
export function programmeForm(p: Programme, ctx: FormContext): FormSection[] {
  const basics: FormItem[] = [];
  if (ctx.isNew)
    basics.push(
      field({
        name: "id",
        kind: "text",
        label: "项目编号",
        hint: "小写字母、数字和连字符,如 zibo-new-award;发布后不再更改。",
      }),
    );
  basics.push(
    field({ name: "title.zh", kind: "text", label: "项目名称" }),
    field({ name: "title.en", kind: "text", label: "英文名称", hint: "用于英文界面。" }),
    field({
      name: "document",
      kind: "select",
      label: "政策文件",
      options: ctx.documents.map((d) => ({ value: d.id, label: d.title })),
    }),
    field({ name: "clause", kind: "text", label: "条款号", hint: "按文件的编号填写,如 14 或 4.3.2。" }),
    field({ name: "excerpt", kind: "textarea", label: "条款原文(摘录规定奖补的句子)" }),
    field({
      name: "category",
      kind: "select",
      label: "类别",
      options: Object.entries(CATEGORIES).map(([value, label]) => ({ value, label })),
    }),
    field({ name: "note", kind: "textarea", label: "理解说明", hint: "条款需要解释之处,可不填。", optional: true }),
  );

  const who: FormItem[] = [
    field({ name: "applicants.zh", kind: "textarea", label: "申报主体(按条款原文)" }),
    field({
      name: "applicants.kinds",
      kind: "checks",
      label: "申报主体类型",
      options: Object.entries(APPLICANT_KINDS).map(([value, label]) => ({ value, label })),
    }),
  ];
  if (p.applicants.qualifications.length) who.push(kept("须持有的资质(不可在表单中修改)", p.applicants.qualifications));
  if (p.applicants.industries.length) who.push(kept("限定行业(不可在表单中修改)", p.applicants.industries));
  who.push(conditionRowsItem(p));

  // A fact drawn as tier rows has its options named in those rows, under 奖补金额.
  const choiceRows = choiceRowFacts(p);
  const facts: FormItem[] = p.facts.flatMap((f, i) => [
    field({ name: `facts.${i}.label.zh`, kind: "text", label: `申报时填写的事项 ${i + 1} 的名称` }),
    ...(choiceRows.has(f.name) ? [] : (f.options ?? [])).map((_o, k) =>
      field({ name: `facts.${i}.options.${k}.zh`, kind: "text", label: `「${f.label.zh}」的选项 ${k + 1}` }),
    ),
  ]);

  return [
    { id: "basics", title: "项目与条款", items: basics },
    {
      id: "amount",
      title: "奖补金额",
      items: [componentRowsItem(p, choiceRows)],
    },
    { id: "limits", title: "限制", items: [limitRowsItem(p, ctx)] },
    { id: "who", title: "谁可以申报", items: who },
    {
      id: "time",
      title: "申报时间与预算",
      items: [
        {
          type: "rows",
          kind: "windows",
          list: "windows",
          title: "申报时间段(不填则政策有效期内均可申报)",
          rows: rows("windows", p.windows.length),
        },
        field({ name: "annualBudgetFen", kind: "money", label: "年度预算", optional: true }),
      ],
    },
    {
      id: "materials",
      title: "申报材料",
      items: [
        {
          type: "rows",
          kind: "materials",
          list: "materials",
          title: "材料清单",
          rows: rows("materials", p.materials.length),
        },
      ],
    },
    { id: "facts", title: "申报时填写的事项", items: facts },
  ];
}

/** Every field of the form, rows (and rows inside rows: a part's tiers) included. */
export function allFields(sections: FormSection[]): FormField[] {
  const of = (it: FormItem): FormField[] =>
    it.type === "field" ? [it.field] : it.type === "rows" ? it.rows.flatMap((r) => r.items.flatMap(of)) : [];
  return sections.flatMap((s) => s.items.flatMap(of));
}
