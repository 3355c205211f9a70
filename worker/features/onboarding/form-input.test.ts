import { describe, expect, it } from "vitest";
import { yuanToFen } from "./form-input";

describe("注册资本 on the 申请入驻 form", () => {
  it("reads money as people type it, through the one money parser", () => {
    expect(yuanToFen("5000000")).toBe(500_000_000);
    expect(yuanToFen("5,000,000.50")).toBe(500_000_050);
    expect(yuanToFen("500万")).toBe(500_000_000);
    expect(yuanToFen("５００万元")).toBe(500_000_000);
    expect(yuanToFen("0.5亿")).toBe(5_000_000_000);
  });

  it("leaves what it cannot read as typed, for the schema to refuse with its message", () => {
    expect(yuanToFen("五百万")).toBe("五百万");
    expect(yuanToFen("-3")).toBe("-3");
    expect(yuanToFen("1.001")).toBe("1.001");
  });
});
