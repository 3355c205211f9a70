import { describe, expect, it } from "vitest";
import { inSentence } from "./sentence";

describe("inSentence", () => {
  it("drops the closing punctuation a person typed, so our sentence closes it once", () => {
    expect(`(${inSentence("核减。")})。`).toBe("(核减)。");
    expect(`原因:${inSentence(" 不需要了!! ")}。`).toBe("原因:不需要了。");
    expect(inSentence("已补充材料;")).toBe("已补充材料");
  });

  it("keeps punctuation inside the text and leaves text without an ending alone", () => {
    expect(inSentence("金额偏高,核减。理由见附件")).toBe("金额偏高,核减。理由见附件");
    expect(inSentence("")).toBe("");
  });
});
