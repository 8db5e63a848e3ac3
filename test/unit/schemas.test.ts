import { describe, expect, it } from "vitest";
import { idParam, idValue } from "@/lib/schemas/pagination";
import { changePasswordSchema, safeCallbackPath, signUpSchema } from "@/lib/schemas/user";

describe("signUpSchema", () => {
  it("normalises the email (NFKC, trimmed, lower case) and the display name", () => {
    const parsed = signUpSchema.parse({ email: " Ａna@Example.ORG ", name: "  Ana \t López ", password: "0123456789" });
    expect(parsed).toEqual({ email: "ana@example.org", name: "Ana López", password: "0123456789" });
  });

  it.each([
    [{ email: "ana@example.org", name: "Ana", password: "123456789" }, "password"],
    [{ email: "ana@example.org", name: "Ana", password: "p".repeat(129) }, "password"],
    [{ email: "ana@", name: "Ana", password: "0123456789" }, "email"],
    [{ email: "ana@example.org", name: "A", password: "0123456789" }, "name"],
    [{ email: "ana@example.org", name: "x".repeat(41), password: "0123456789" }, "name"],
  ])("refuses %j on %s", (input, field) => {
    const result = signUpSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual([field]);
    expect(result.error!.issues[0].message).toMatch(/[a-zé]/);
  });

  it("takes passwords of exactly 10 and 128 characters", () => {
    for (const password of ["p".repeat(10), "p".repeat(128)]) {
      expect(signUpSchema.safeParse({ email: "a@example.org", name: "Ana", password }).success).toBe(true);
    }
  });

  it("requires a new password of the same rules on change", () => {
    expect(changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "short" }).success).toBe(false);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/t/libre-ou-ouvert?sort=new#p-3", "/t/libre-ou-ouvert?sort=new#p-3"],
    ["/", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [undefined, "/"],
  ])("turns %s into %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("idParam", () => {
  it("reads an id written in digits, and a JSON number as before", () => {
    expect(["1", "12", "2147483647", 12].map((id) => idParam.parse(id))).toEqual([1, 12, 2147483647, 12]);
  });

  it.each(["abc", "0", "-1", "1e3", "1.5", " 12", "12 ", "0x10", "+12", "", "2147483648", String(2 ** 40), 0, 1.5, null, undefined])(
    "refuses %j with a French message",
    (id) => {
      const result = idParam.safeParse(id);
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((issue) => issue.message)).toEqual(["Un identifiant est un nombre entier de 1 à 2147483647, écrit en chiffres."]);
    },
  );

  it("keeps JSON ids numbers: a string is no id in a body", () => {
    expect(idValue.safeParse("12").success).toBe(false);
  });
});
